import { graphql } from '../../gql';

export const UpdatePageMutation = graphql(`
  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {
    updatePage(id: $id, input: $input) {
      ...PageFields
    }
  }
`);
