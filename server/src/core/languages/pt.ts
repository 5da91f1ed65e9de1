import type { LanguageTable } from './table';

/** Portuguese. */
export const portuguese: LanguageTable = {
  code: 'pt',
  name: 'Português',
  sections: [
    [['root-cause', 'resolution'], ['causa raiz e resolução', 'causa e resolução', 'causa raiz e solução']],
    [['corrective-actions'], ['ações corretivas', 'acoes corretivas', 'ações preventivas', 'medidas corretivas', 'medidas preventivas', 'medidas de mitigação recomendadas', 'plano de ação', 'próximos passos', 'proximos passos', 'itens de ação', 'recomendações', 'melhorias', 'prevenção', 'tarefas', 'pendências']],
    [['timeline'], ['linha do tempo', 'linha temporal', 'cronologia', 'sequência de eventos', 'histórico de eventos', 'registro de eventos']],
    [['summary'], ['resumo', 'sumário', 'sumario', 'visão geral', 'descrição', 'o que aconteceu']],
    [['impact'], ['impacto', 'impactos', 'usuários afetados', 'serviços afetados']],
    [['root-cause'], ['causa raiz', 'causa-raiz', 'causa principal', 'causas', 'causa', 'análise de causa', 'fatores contribuintes', 'por que aconteceu', 'diagnóstico']],
    [['resolution'], ['resolução', 'resolucao', 'solução', 'mitigação', 'recuperação', 'correção', 'ações imediatas', 'ações tomadas', 'como resolvemos']],
    [['detection'], ['detecção', 'deteccao', 'como foi detectado', 'alertas']],
    [['lessons-learned'], ['lições aprendidas', 'licoes aprendidas', 'aprendizados', 'o que deu certo', 'o que deu errado']],
  ],
  months: {
    janeiro: 1, fevereiro: 2, março: 3, marco: 3, abril: 4, maio: 5, junho: 6, julho: 7, agosto: 8,
    setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  },
  shortMonths: { jan: 1, fev: 2, mar: 3, abr: 4, mai: 5, jun: 6, jul: 7, ago: 8, set: 9, out: 10, nov: 11, dez: 12 },
  startLabels: ['início', 'inicio', 'começo', 'hora de início', 'data de início', 'início do incidente', 'iniciado em'],
  endLabels: ['fim', 'término', 'termino', 'hora de término', 'fim do incidente', 'resolvido em', 'resolução', 'normalizado em'],
  durationWords: ['duração', 'duracao', 'durou', 'durante', 'por cerca de', 'tempo de indisponibilidade'],
  rangeJoiners: ['à', 'às', 'a', 'até', 'e'],
  rangeOpeners: ['de', 'das', 'desde', 'entre', 'às', 'as', 'por volta das', 'até'],
  hourUnits: ['horas', 'hora', 'h'],
  minuteUnits: ['minutos', 'minuto', 'min'],
  dayUnits: ['dias', 'dia'],
};
