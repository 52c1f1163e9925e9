/**
 * The regular-expression condition of a routing rule. Rules are written by market managers and
 * run against every inbound comment, and JavaScript regexes have no timeout: one pattern with
 * catastrophic backtracking would stall the webhook worker. So a pattern is accepted only when
 * it stays inside a conservative subset:
 *
 * - at most ROUTING_PATTERN_MAX_LENGTH characters;
 * - flags among i, m, s, u (g and y make `test` stateful through lastIndex, which is not pure);
 * - no repeated group that itself contains a quantifier or an alternation (`(a+)+`, `(a|aa)*`,
 *   `(\w+\s?){3,}`): nested repetition is the classic exponential case;
 * - no backreferences (`\1`, `\k<name>`), which make matching NP-hard.
 *
 * This is a heuristic, not a proof: it rejects the known shapes of exponential backtracking,
 * while polynomial blow-ups such as `\s*\s*\s*$` stay possible. Keywords cover most needs and
 * cannot backtrack; prefer them.
 */
export const ROUTING_PATTERN_MAX_LENGTH = 200;
export const ROUTING_PATTERN_FLAGS = ['i', 'm', 's', 'u'] as const;

export interface RoutingPattern {
  /** The regex source, without slashes. */
  source: string;
  /** Any of i, m, s, u; empty or omitted for none. */
  flags?: string;
}

/** Why `pattern` is refused, or null when it compiles and passes the backtracking guard. */
export function routingPatternProblem(pattern: RoutingPattern): string | null {
  const { source } = pattern;
  const flags = pattern.flags ?? '';
  if (typeof source !== 'string' || source === '') return 'pattern is empty';
  if (source.length > ROUTING_PATTERN_MAX_LENGTH) {
    return `pattern is ${source.length} characters long; at most ${ROUTING_PATTERN_MAX_LENGTH} allowed`;
  }
  const badFlags = [...flags].filter((flag) => !(ROUTING_PATTERN_FLAGS as readonly string[]).includes(flag));
  if (badFlags.length > 0) return `flag ${badFlags.join(', ')} not allowed; use i, m, s or u`;
  if (new Set(flags).size !== flags.length) return 'a flag is repeated';
  try {
    new RegExp(source, flags);
  } catch (error) {
    if (error instanceof SyntaxError) return `pattern is not a valid regular expression: ${error.message}`;
    throw error;
  }
  return backtrackingRisk(source);
}

/** The compiled pattern, or null when it is refused (see routingPatternProblem). */
export function compileRoutingPattern(pattern: RoutingPattern): RegExp | null {
  return routingPatternProblem(pattern) === null ? new RegExp(pattern.source, pattern.flags ?? '') : null;
}

interface GroupScan {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

/**
 * One pass over a source already known to compile: tracks groups and character classes (where
 * `*`, `+`, `{` and `|` are literal) and looks at what follows each closing parenthesis.
 */
function backtrackingRisk(source: string): string | null {
  const stack: GroupScan[] = [{ hasQuantifier: false, hasAlternation: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const top = stack[stack.length - 1]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))) {
        return 'backreferences are not allowed';
      }
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false });
    } else if (char === '|') {
      top.hasAlternation = true;
    } else if (char === ')') {
      const group = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      const quantifierLength = repeatingQuantifierAt(source, i + 1);
      if (quantifierLength > 0 && (group.hasQuantifier || group.hasAlternation)) {
        return `nested repetition near "${source.slice(0, i + 1 + quantifierLength)}": a repeated group may not contain a quantifier or an alternation`;
      }
      // What a group holds, its enclosing groups hold too: ((a+)b)+ nests as deeply as (a+)+.
      parent.hasQuantifier ||= group.hasQuantifier || quantifierLength > 0;
      parent.hasAlternation ||= group.hasAlternation;
    } else if (repeatingQuantifierAt(source, i) > 0) {
      top.hasQuantifier = true;
    }
  }
  return null;
}

/**
 * Length of the repeating quantifier (*, +, {n,}, {n,m}) starting at `index`, else 0.
 * `?` and `{1}` repeat nothing, so they cannot nest into exponential backtracking.
 */
function repeatingQuantifierAt(source: string, index: number): number {
  const char = source[index];
  if (char === '*' || char === '+') return 1;
  if (char !== '{') return 0;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
  if (!match) return 0;
  const isExactlyOnce = match[2] === undefined ? match[1] === '1' : match[1] === '0' && match[3] === '1';
  return isExactlyOnce || (match[2] === undefined && match[1] === '0') ? 0 : match[0].length;
}
