import { changeOf, formatCount, formatDuration, formatRate } from './insights-format';

describe('formatting figures', () => {
  it('writes counts with separators and a dash for a missing figure', () => {
    expect(formatCount(1240)).toBe('1,240');
    expect(formatCount(null)).toBe('—');
  });

  it('keeps two decimals for small rates (conversation rates are often below 1 %)', () => {
    expect(formatRate(0.0042)).toBe('0.42 %');
    expect(formatRate(0.37)).toBe('37.0 %');
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate(0.0000205)).toBe('0.0021 %');
    expect(formatRate(0)).toBe('0 %');
  });

  it('writes durations in the largest sensible unit', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(150)).toBe('2.5 min');
    expect(formatDuration(7200)).toBe('2.0 h');
    expect(formatDuration(172_800)).toBe('2.0 d');
  });
});

describe('changeOf (against the previous period)', () => {
  it('gives counts a relative change, good when more is better', () => {
    expect(changeOf('count', 110, 100, 'up')).toEqual({ direction: 'up', good: true, label: '+10.0 %' });
    expect(changeOf('count', 90, 100, 'up')).toEqual({ direction: 'down', good: false, label: '−10.0 %' });
  });

  it('judges a longer first response bad and a shorter one good', () => {
    expect(changeOf('duration', 120, 60, 'down')).toMatchObject({ direction: 'up', good: false, label: '+100.0 %' });
    expect(changeOf('duration', 30, 60, 'down')).toMatchObject({ direction: 'down', good: true });
  });

  it('gives rates a change in percentage points, not a ratio of ratios', () => {
    expect(changeOf('rate', 0.012, 0.01, 'up')).toEqual({ direction: 'up', good: true, label: '+0.20 pt' });
    expect(changeOf('rate', 0.00002, 0.00003, 'up')).toEqual({ direction: 'down', good: false, label: '−0.0010 pt' });
  });

  it('has no change without both figures or from zero, and calls a rounded-away change flat', () => {
    expect(changeOf('count', 5, null, 'up')).toBeNull();
    expect(changeOf('count', 5, 0, 'up')).toBeNull();
    expect(changeOf('count', 0, 0, 'up')).toEqual({ direction: 'flat', good: null, label: '±0 %' });
    expect(changeOf('count', 100_001, 100_000, 'up')).toEqual({ direction: 'flat', good: null, label: '±0 %' });
  });
});
