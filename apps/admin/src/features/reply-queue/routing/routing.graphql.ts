import { graphql } from '../../../gql';

export const RoutingRuleFieldsFragment = graphql(`
  fragment RoutingRuleFields on RoutingRule {
    id
    name
    position
    scopePageId
    queueId
    priority
    tags
    enabled
    version
    conditions {
      keywords
      languages
      networks
      countries
      segments
      authorFlags
      pattern {
        source
        flags
      }
    }
  }
`);

/** One scope page's own list of rules, in the order they are tried. */
export const RoutingRulesQuery = graphql(`
  query RoutingRules($scopePageId: ID) {
    routingRules(scopePageId: $scopePageId, first: 50) {
      edges {
        node {
          ...RoutingRuleFields
        }
      }
    }
  }
`);

export const CreateRoutingRuleMutation = graphql(`
  mutation CreateRoutingRule($input: CreateRoutingRuleInput!) {
    createRoutingRule(input: $input) {
      ...RoutingRuleFields
    }
  }
`);

export const UpdateRoutingRuleMutation = graphql(`
  mutation UpdateRoutingRule($id: ID!, $input: UpdateRoutingRuleInput!) {
    updateRoutingRule(id: $id, input: $input) {
      ...RoutingRuleFields
    }
  }
`);

export const DeleteRoutingRuleMutation = graphql(`
  mutation DeleteRoutingRule($id: ID!) {
    deleteRoutingRule(id: $id)
  }
`);

export const MoveRoutingRuleMutation = graphql(`
  mutation MoveRoutingRule($id: ID!, $position: Int!) {
    moveRoutingRule(id: $id, position: $position) {
      ...RoutingRuleFields
    }
  }
`);

/** Which rule fires for this text on this page, which queue, and the trail of why. */
export const TestRoutingQuery = graphql(`
  query TestRouting($input: TestRoutingInput!) {
    testRouting(input: $input) {
      ruleId
      ruleName
      queueId
      queueName
      priority
      tags
      trail
    }
  }
`);
