import { graphql } from '../../gql';

/** The whole tree of the brand, every network and status: the tree, the map and the forms share it. */
export const BrandTreeQuery = graphql(`
  query BrandTree($slug: String!) {
    brand(slug: $slug) {
      id
      slug
      name
      audiences
      defaultNetwork
      segmentFallback
      version
      aliases {
        id
        country
        network
        marketPageId
      }
      pages {
        ...PageFields
      }
    }
  }
`);
