import { graphql } from '../../gql';

export const PublishingFreezeFieldsFragment = graphql(`
  fragment PublishingFreezeFields on PublishingFreeze {
    id
    brandId
    marketPageId
    reason
    frozenById
    createdAt
  }
`);

/** The brand's freezes, brand-wide first: the banner and the switch read them. */
export const PublishingFreezesQuery = graphql(`
  query PublishingFreezes($brandId: ID!) {
    publishingFreezes(brandId: $brandId) {
      ...PublishingFreezeFields
    }
  }
`);

/** Freezes or unfreezes the brand (no marketPageId) or one market; answers the freezes now in force. */
export const SetPublishingFreezeMutation = graphql(`
  mutation SetPublishingFreeze($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {
    setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) {
      ...PublishingFreezeFields
    }
  }
`);
