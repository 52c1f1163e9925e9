import { graphql } from '../../gql';

/** Every field of a page the admin shows or edits. */
export const PageFieldsFragment = graphql(`
  fragment PageFields on Page {
    id
    brandId
    scopeIds
    kind
    parentId
    network
    name
    url
    country
    languages
    segment
    status
    defaultVariant
    regionCountries
    handle
    externalId
    description
    keywords
    pictureUrl
    website
    version
    createdAt
    updatedAt
  }
`);
