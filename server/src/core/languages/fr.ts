import type { LanguageTable } from './table';

/** French. */
export const french: LanguageTable = {
  code: 'fr',
  name: 'Français',
  sections: [
    [['root-cause', 'resolution'], ['cause et résolution', 'cause racine et résolution', 'causes et résolution']],
    [['corrective-actions'], ['actions correctives', 'actions préventives', 'mesures correctives', 'mesures préventives', "plan d'action", "plan d'actions", 'prochaines étapes', 'actions de suivi', 'recommandations', 'améliorations', 'prévention', 'tâches']],
    [['timeline'], ['chronologie', 'déroulé', 'déroulement', 'fil des événements', 'ligne de temps', 'historique des événements', 'journal des événements']],
    [['summary'], ['résumé', 'resume', 'synthèse', 'synthese', 'vue d\'ensemble', 'description', 'que s\'est-il passé']],
    [['impact'], ['impact', 'impacts', 'utilisateurs affectés', 'services affectés', 'conséquences']],
    [['root-cause'], ['cause racine', 'cause profonde', 'cause principale', 'causes', 'cause', 'analyse des causes', 'facteurs contributifs', 'pourquoi', 'diagnostic']],
    [['resolution'], ['résolution', 'resolution', 'atténuation', 'mitigation', 'rétablissement', 'correction', 'remédiation', 'actions immédiates']],
    [['detection'], ['détection', 'detection', 'comment avons-nous détecté', 'alertes']],
    [['lessons-learned'], ['leçons apprises', 'lecons apprises', 'enseignements', "retour d'expérience", 'ce qui a bien fonctionné', 'ce qui a mal fonctionné']],
  ],
  months: {
    janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
    septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  },
  shortMonths: { janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, sept: 9, oct: 10, nov: 11, déc: 12, dec: 12 },
  startLabels: ['début', 'debut', 'heure de début', 'date de début', "début de l'incident", 'commencé'],
  endLabels: ['fin', 'heure de fin', "fin de l'incident", 'résolu', 'résolu le', 'rétabli', 'résolution'],
  durationWords: ['durée', 'duree', 'a duré', 'pendant', "durée de l'incident", "durée de l'interruption"],
  rangeJoiners: ['à', 'a', 'et', "jusqu'à"],
  rangeOpeners: ['de', 'entre', 'à', 'vers', 'dès', 'depuis', "jusqu'à"],
  hourUnits: ['heures', 'heure', 'h'],
  minuteUnits: ['minutes', 'minute', 'min'],
  dayUnits: ['jours', 'jour'],
};
