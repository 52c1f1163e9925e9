import { graphql } from '../../../gql';

export const CannedResponseFieldsFragment = graphql(`
  fragment CannedResponseFields on CannedResponse {
    id
    name
    scopePageId
    version
    variants {
      language
      body
    }
  }
`);

/** The canned responses usable on a page (its own and its ancestors'), by name. */
export const CannedResponsesQuery = graphql(`
  query CannedResponses($pageId: ID) {
    cannedResponses(pageId: $pageId, first: 100) {
      edges {
        node {
          ...CannedResponseFields
        }
      }
    }
  }
`);

export const CreateCannedResponseMutation = graphql(`
  mutation CreateCannedResponse($input: CreateCannedResponseInput!) {
    createCannedResponse(input: $input) {
      ...CannedResponseFields
    }
  }
`);

export const UpdateCannedResponseMutation = graphql(`
  mutation UpdateCannedResponse($id: ID!, $input: UpdateCannedResponseInput!) {
    updateCannedResponse(id: $id, input: $input) {
      ...CannedResponseFields
    }
  }
`);

export const DeleteCannedResponseMutation = graphql(`
  mutation DeleteCannedResponse($id: ID!) {
    deleteCannedResponse(id: $id)
  }
`);
