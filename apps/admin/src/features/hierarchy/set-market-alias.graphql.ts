import { graphql } from '../../gql';

export const SetMarketAliasMutation = graphql(`
  mutation SetMarketAlias($input: SetMarketAliasInput!) {
    setMarketAlias(input: $input) {
      id
      country
      network
      marketPageId
    }
  }
`);
