import { northwindTree } from '../testing/page-tree-builder';
import { pivotCoverageOf } from './pivot-coverage';
import { indexPivotTree } from './pivot-index';

describe('pivotCoverageOf: the first step of the pivot, named', () => {
  const index = indexPivotTree(northwindTree().tree);

  it.each([
    ['FR', 'MARKET'],
    ['BE', 'MARKET'],
    ['LU', 'ALIAS'],
    ['AT', 'ALIAS'],
    ['PT', 'REGION'],
    ['IT', 'REGION'],
    ['BR', 'GLOBAL'],
    ['SM', 'GLOBAL'],
    [null, 'GLOBAL'],
  ])('%s → %s, as resolvePivot decides (archived markets and aliases ignored)', (country, coverage) => {
    expect(pivotCoverageOf(index, country)).toBe(coverage);
  });
});
