import { useQuery } from '@apollo/client/react';
import { useCurrentBrand } from '../../app/brand-context';
import { BrandTreeQuery } from './brand-tree.graphql';

/** The current brand with every page and alias; the tree, the map and the forms share this one cached query. */
export function useBrandTree() {
  const { slug } = useCurrentBrand();
  return useQuery(BrandTreeQuery, { variables: { slug } });
}
