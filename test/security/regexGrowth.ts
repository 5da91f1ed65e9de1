/**
 * Measures how a regular expression's running time grows on adversarial input built from its
 * own words and from the characters postmortems are made of. A linear pattern takes about twice
 * as long on twice the input; a backtracking blow-up takes four times (quadratic) or more.
 */

const genericPumps = [
  ' ', '\t', '1', '11', '1:', '1:1', '11:11 ', ':1', '1.', '1,', 'a', 'A', 'aa ', 'Aa ', '*', '**', '_', '__', '#', '<', '<a', '>', '-', '- ',
  '.', ',', ', ', '|', '| ', '(', ')', '[', ']', '](', '`', '~', '~ ', 'am ', 'pm ', 'a.m. ', '1 am ', '12:00 PM ', ': ', '1-', '1/', '+', '+1',
  'T', 'x', '$', '😀', 'é', '\u00a0',
];
const prefixes = ['', 'a ', '1 ', '## ', '- '];
const suffixes = ['', '!', '\n', 'x', '\u0000'];

/** Words and short phrases spelled out in a pattern's source: what its alternatives match. */
function patternWords(source: string): string[] {
  const words = new Set<string>();
  for (const match of source.matchAll(/[A-Za-z]{2,}(?: [a-z]+)*/g)) words.add(match[0]);
  return [...words].flatMap((word) => [word, `${word} `, ` ${word}`]);
}

export interface Attack {
  readonly pump: string;
  readonly prefix: string;
  readonly suffix: string;
}

export function attackText(attack: Attack, length: number): string {
  return attack.prefix + attack.pump.repeat(Math.max(1, Math.ceil(length / attack.pump.length))) + attack.suffix;
}

function timeMs(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  const start = process.hrtime.bigint();
  regex.exec(text);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function bestOf(regex: RegExp, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeMs(regex, text));
  return best;
}

export interface Growth {
  /** The slowest attack found. */
  readonly attack: Attack;
  /** Input length and time of the largest measurement. */
  readonly length: number;
  readonly ms: number;
  /** log2 of the time ratio when doubling the input: about 1 linear, 2 quadratic, 3 cubic. */
  readonly exponent: number;
  readonly superlinear: boolean;
}

const screenLength = 600;
/** Past this time at the screening length, a pattern is measured at once without trying more attacks. */
const screenStopMs = 15;
const maxLength = 16_000;
const measureUntilMs = 30;

/** Finds the slowest attack on `regex` and measures how its time grows with the input. */
export function measureGrowth(regex: RegExp): Growth {
  // A sticky pattern is tried at one position only, as its callers use it; a global one is searched.
  const probe = new RegExp(regex.source, regex.flags.replace(/g/g, ''));
  let worst: { attack: Attack; ms: number } = { attack: { pump: ' ', prefix: '', suffix: '!' }, ms: -1 };
  screening: for (const pump of [...genericPumps, ...patternWords(regex.source)]) {
    for (const prefix of prefixes) {
      for (const suffix of suffixes) {
        const attack = { pump, prefix, suffix };
        const ms = timeMs(probe, attackText(attack, screenLength));
        if (ms > worst.ms) worst = { attack, ms };
        if (ms > screenStopMs) break screening;
      }
    }
  }
  let length = screenLength;
  let previous = bestOf(probe, attackText(worst.attack, length), 3);
  let exponent = 0;
  while (length < maxLength && previous < measureUntilMs) {
    const current = bestOf(probe, attackText(worst.attack, length * 2), 5);
    if (previous >= 0.5) exponent = Math.log2(current / previous);
    length *= 2;
    previous = current;
  }
  // Linear patterns stay far below a millisecond at 16k characters; a quadratic one does not.
  const superlinear = previous >= 5 && exponent > 1.5;
  return { attack: worst.attack, length, ms: previous, exponent, superlinear };
}
