import { compileRoutingPattern, ROUTING_PATTERN_MAX_LENGTH, routingPatternProblem } from './routing-pattern';

describe('routingPatternProblem', () => {
  it.each([
    ['\\bcommande\\s+n?°?\\s*\\d{6,}', 'i'],
    ['(refund|money back)', 'i'],
    ['(?:prix|tarif)\\s?\\d+', ''],
    ['[(a+)+]+', ''],
    ['(ab)+c', ''],
    ['(a+)?b', ''],
    ['(a+){1}', ''],
    ['\\(a+\\)+', ''],
    ['^\\p{Lu}{3,}$', 'u'],
  ])('accepts /%s/%s', (source, flags) => {
    expect(routingPatternProblem({ source, flags })).toBeNull();
  });

  it.each([
    ['(a+)+', 'nested repetition'],
    ['(a*)*', 'nested repetition'],
    ['(\\w+\\s?){3,}', 'nested repetition'],
    ['((ab)+c)+', 'nested repetition'],
    ['(a|aa)*', 'nested repetition'],
    ['(?:x|y)+z', 'nested repetition'],
    ['(a+){2,5}', 'nested repetition'],
    ['(a)\\1', 'backreferences are not allowed'],
    ['(?<w>a)\\k<w>', 'backreferences are not allowed'],
    ['(unclosed', 'not a valid regular expression'],
    ['', 'pattern is empty'],
    ['a'.repeat(ROUTING_PATTERN_MAX_LENGTH + 1), `at most ${ROUTING_PATTERN_MAX_LENGTH} allowed`],
  ])('refuses /%s/ (%s)', (source, problem) => {
    expect(routingPatternProblem({ source })).toContain(problem);
  });

  it.each([['g'], ['y'], ['d'], ['ii']])('refuses the flags "%s"', (flags) => {
    expect(routingPatternProblem({ source: 'a', flags })).not.toBeNull();
  });
});

describe('compileRoutingPattern', () => {
  it('compiles an accepted pattern with its flags', () => {
    const regex = compileRoutingPattern({ source: 'prix', flags: 'i' });
    expect(regex?.test('PRIX ?')).toBe(true);
  });

  it('answers null for a refused pattern', () => {
    expect(compileRoutingPattern({ source: '(a+)+$' })).toBeNull();
  });
});
