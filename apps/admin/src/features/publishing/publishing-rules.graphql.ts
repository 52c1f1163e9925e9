import { graphql } from '../../gql';

/** The brand's guardrails and approval policies: the composer runs the domain's checks on them as the user types. */
export const PublishingRulesQuery = graphql(`
  query PublishingRules($brandId: ID!) {
    brandGuardrails(brandId: $brandId) {
      brandId
      bannedTerms
      requiredHashtags
      missingHashtagSeverity
      allowedLinkDomains
    }
    approvalPolicies(brandId: $brandId) {
      id
      country
      version
      steps {
        id
        name
        mode
        role
        scope
        userIds
        when
      }
    }
  }
`);
