import { graphql } from '../../gql';

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        email
        displayName
      }
      assignment {
        ...RoleAssignmentFields
      }
      temporaryPassword
    }
  }
`);

export const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      ...RoleAssignmentFields
    }
  }
`);

export const RevokeRoleMutation = graphql(`
  mutation RevokeRole($assignmentId: ID!) {
    revokeRole(assignmentId: $assignmentId) {
      id
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($userId: ID!) {
    disableUser(userId: $userId) {
      id
      disabled
    }
  }
`);
