import type { LanguageTable } from './table';

/** Japanese. Titles match without word boundaries, as Japanese writes none. */
export const japanese: LanguageTable = {
  code: 'ja',
  name: '日本語',
  sections: [
    [['root-cause', 'resolution'], ['原因と対応', '原因と対処']],
    [['corrective-actions'], ['再発防止策', '再発防止', '恒久対策', '今後の対策', '対策', '改善策', 'アクションアイテム', '今後の対応']],
    [['timeline'], ['タイムライン', '時系列', '経緯', '経過', '対応経緯', '対応履歴']],
    [['summary'], ['概要', '障害概要', '事象概要', 'サマリー', '発生時期', '発生日時']],
    [['impact'], ['影響範囲', '影響', '障害内容', '被害']],
    [['root-cause'], ['根本原因', '発生原因', '原因', '要因']],
    [['resolution'], ['復旧', '対応内容', '障害時の対応', '障害対応', '暫定対応', '暫定対策', '処置', '対処']],
    [['detection'], ['検知', '発見']],
    [['lessons-learned'], ['教訓', '振り返り', '学び', '所感']],
  ],
  // Japanese writes months as numbers (`3月`); read by the date pattern, not by name.
  months: {},
  shortMonths: {},
  startLabels: ['発生日時', '発生時刻', '開始日時', '開始時刻', '開始', '障害発生'],
  endLabels: ['復旧日時', '復旧時刻', '終了日時', '終了時刻', '終了', '復旧'],
  durationWords: ['継続時間', '障害時間', '影響時間', '停止時間', '所要時間'],
  rangeJoiners: ['から', '〜', '～'],
  rangeOpeners: [],
  hourUnits: ['時間'],
  minuteUnits: ['分間', '分'],
  dayUnits: ['日間'],
};
