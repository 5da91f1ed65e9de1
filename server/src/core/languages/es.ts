import type { LanguageTable } from './table';

/** Spanish. */
export const spanish: LanguageTable = {
  code: 'es',
  name: 'Español',
  sections: [
    [['root-cause', 'resolution'], ['causa raíz y resolución', 'causa y resolución', 'causa raíz y solución']],
    [['corrective-actions'], ['acciones correctivas', 'acciones preventivas', 'medidas correctivas', 'medidas preventivas', 'plan de acción', 'próximos pasos', 'proximos pasos', 'tareas pendientes', 'recomendaciones', 'mejoras', 'prevención', 'acciones de seguimiento']],
    [['timeline'], ['cronología', 'cronologia', 'línea de tiempo', 'linea de tiempo', 'línea temporal', 'secuencia de eventos', 'registro de eventos']],
    [['summary'], ['resumen', 'sumario', 'descripción general', 'descripción', 'qué pasó', 'que paso', 'qué ocurrió']],
    [['impact'], ['impacto', 'usuarios afectados', 'servicios afectados', 'alcance']],
    [['root-cause'], ['causa raíz', 'causa raiz', 'causa principal', 'causas', 'causa', 'análisis de causa', 'factores contribuyentes', 'por qué ocurrió', 'diagnóstico']],
    [['resolution'], ['resolución', 'resolucion', 'solución', 'mitigación', 'recuperación', 'corrección', 'acciones inmediatas', 'acciones tomadas', 'cómo lo resolvimos']],
    [['detection'], ['detección', 'deteccion', 'cómo se detectó', 'alertas']],
    [['lessons-learned'], ['lecciones aprendidas', 'aprendizajes', 'qué salió bien', 'qué salió mal']],
  ],
  months: {
    enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
    setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  },
  shortMonths: { ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, oct: 10, nov: 11, dic: 12 },
  startLabels: ['inicio', 'comienzo', 'hora de inicio', 'fecha de inicio', 'inicio del incidente', 'comenzó'],
  endLabels: ['fin', 'final', 'hora de fin', 'fin del incidente', 'resuelto', 'resuelto a las', 'resolución', 'normalizado'],
  durationWords: ['duración', 'duracion', 'duró', 'duro', 'durante', 'tiempo de inactividad'],
  rangeJoiners: ['a', 'hasta', 'y'],
  rangeOpeners: ['de', 'desde', 'entre', 'a las', 'las', 'hacia las', 'sobre las'],
  hourUnits: ['horas', 'hora', 'h'],
  minuteUnits: ['minutos', 'minuto', 'min'],
  dayUnits: ['días', 'dias', 'día', 'dia'],
};
