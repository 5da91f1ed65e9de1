import type { LanguageTable } from './table';

/** German. */
export const german: LanguageTable = {
  code: 'de',
  name: 'Deutsch',
  sections: [
    [['root-cause', 'resolution'], ['ursache und lösung', 'ursache und behebung']],
    [['corrective-actions'], ['maßnahmen', 'massnahmen', 'gegenmaßnahmen', 'gegenmassnahmen', 'korrekturmaßnahmen', 'vorbeugende maßnahmen', 'nächste schritte', 'naechste schritte', 'folgeaufgaben', 'aufgaben', 'verbesserungen', 'empfehlungen', 'prävention']],
    [['timeline'], ['zeitlinie', 'zeitleiste', 'zeitverlauf', 'zeitablauf', 'ablauf', 'chronologie', 'verlauf', 'chronik', 'ereignisprotokoll']],
    [['summary'], ['zusammenfassung', 'überblick', 'ueberblick', 'kurzfassung', 'beschreibung', 'was ist passiert']],
    [['impact'], ['auswirkungen', 'auswirkung', 'betroffene nutzer', 'betroffene dienste', 'ausmaß']],
    [['root-cause'], ['grundursache', 'hauptursache', 'ursachenanalyse', 'ursachen', 'ursache', 'fehlerursache', 'beitragende faktoren', 'warum ist es passiert', 'analyse']],
    [['resolution'], ['lösung', 'loesung', 'behebung', 'wiederherstellung', 'fehlerbehebung', 'entstörung', 'sofortmaßnahmen']],
    [['detection'], ['erkennung', 'entdeckung', 'wie wurde es erkannt', 'alarmierung']],
    [['lessons-learned'], ['erkenntnisse', 'lessons learned', 'gelernte lektionen', 'was lief gut', 'was lief schlecht', 'fazit']],
  ],
  months: {
    januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8,
    september: 9, oktober: 10, november: 11, dezember: 12,
  },
  shortMonths: { jan: 1, feb: 2, mär: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dez: 12 },
  startLabels: ['beginn', 'störungsbeginn', 'startzeit', 'begonnen', 'anfang'],
  endLabels: ['ende', 'störungsende', 'endzeit', 'behoben', 'behoben um', 'gelöst', 'wiederhergestellt'],
  durationWords: ['dauer', 'störungsdauer', 'ausfalldauer', 'dauerte', 'für', 'während'],
  rangeJoiners: ['bis', 'und'],
  rangeOpeners: ['von', 'zwischen', 'ab', 'um', 'gegen', 'seit'],
  hourUnits: ['stunden', 'stunde', 'std', 'h'],
  minuteUnits: ['minuten', 'minute', 'min'],
  dayUnits: ['tage', 'tagen', 'tag'],
};
