import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { countryName } from '@pivot/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useAbility } from '../../app/ability';
import { apiErrorsOf, NO_API_ERRORS, type ApiErrors } from '../../shared/api-field-errors';
import { BrandTreeQuery } from './brand-tree.graphql';
import { CreatePageMutation } from './create-page.graphql';
import {
  createInputOf,
  updateInputOf,
  validateForm,
  valuesForNewPage,
  valuesOfPage,
  type NewPagePlacement,
  type PageFormValues,
} from './page-form-model';
import { createPermissions, pagePermissions, type FormField } from './page-permissions';
import type { BrandPage } from './page-tree-model';
import { UpdatePageMutation } from './update-page.graphql';

export type PageFormTarget = { mode: 'edit'; page: BrandPage } | ({ mode: 'create' } & NewPagePlacement);

interface Props {
  target: PageFormTarget;
  brand: { id: string; audiences: readonly string[]; pages: readonly BrandPage[] };
  onClose: () => void;
  onSaved: (page: BrandPage) => void;
}

/**
 * Creates or edits a page. The draft is checked with the domain's validatePage while typing
 * (after a first submit), and the API's own field errors are shown in the same places.
 */
export function PageFormModal({ target, brand, onClose, onSaved }: Props) {
  const kind = target.mode === 'edit' ? target.page.kind : target.kind;
  const [values, setValues] = useState<PageFormValues>(() => (target.mode === 'edit' ? valuesOfPage(target.page) : valuesForNewPage(target)));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ApiErrors>(NO_API_ERRORS);
  const refetchQueries = [BrandTreeQuery];
  const [createPage, creating] = useMutation(CreatePageMutation, { refetchQueries, awaitRefetchQueries: true });
  const [updatePage, updating] = useMutation(UpdatePageMutation, { refetchQueries, awaitRefetchQueries: true });

  // Each field is checked on its own: a market manager sees brand-locked and structural fields disabled, with why.
  const ability = useAbility();
  const permissions = useMemo(
    () => (target.mode === 'edit' ? pagePermissions(ability, target.page) : createPermissions(ability, target.parent, target.kind)),
    [ability, target],
  );
  function lockOf(field: FormField): { disabled?: boolean; description?: string } {
    if (permissions.editable.has(field)) return {};
    if (permissions.locked.has(field)) return { disabled: true, description: '🔒 Brand-locked: only brand admins change it' };
    if (permissions.structural.has(field)) return { disabled: true, description: '🔒 Structural: only brand admins change it' };
    return { disabled: true };
  }

  const validationTarget = target.mode === 'edit' ? { page: target.page } : target;
  const localErrors = useMemo(() => validateForm(values, validationTarget, brand), [values, brand]); // eslint-disable-line react-hooks/exhaustive-deps

  function set<K extends keyof PageFormValues>(field: K, value: PageFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    // A server error is about the value that was sent: editing the field clears it.
    setServerErrors((previous) => ({ ...previous, fields: { ...previous.fields, [field]: [] } }));
  }

  function errorOf(field: string): string | undefined {
    const messages = [...(submitted ? (localErrors[field] ?? []) : []), ...(serverErrors.fields[field] ?? [])];
    return messages.length > 0 ? [...new Set(messages)].join('; ') : undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(localErrors).length > 0) return;
    try {
      if (target.mode === 'edit') {
        const { data } = await updatePage({ variables: { id: target.page.id, input: updateInputOf(values, target.page) } });
        if (data) {
          notifications.show({ color: 'green', message: `Saved ${data.updatePage.name}` });
          onSaved(data.updatePage);
        }
      } else {
        const { data } = await createPage({ variables: { input: createInputOf(values, target, brand.id) } });
        if (data) {
          notifications.show({ color: 'green', message: `Created ${data.createPage.name}` });
          onSaved(data.createPage);
        }
      }
    } catch (error) {
      setServerErrors(apiErrorsOf(error));
    }
  }

  // Errors on fields the form does not show (kind, parentId, network) go to the top.
  const shownFields = new Set(['name', 'url', 'handle', 'externalId', 'description', 'website', 'pictureUrl', 'keywords', 'languages', 'country', 'segment', 'defaultVariant', 'regionCountries']);
  const otherErrors = [
    ...(submitted ? Object.entries(localErrors) : []),
    ...Object.entries(serverErrors.fields),
  ].filter(([field, messages]) => !shownFields.has(field) && messages.length > 0);

  const title =
    target.mode === 'edit' ? `Edit ${target.page.name}` : `New ${kind.toLowerCase()} page under ${target.parent.name}`;

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {serverErrors.general && (
            <Alert color="red" role="alert">
              {serverErrors.general}
            </Alert>
          )}
          {otherErrors.map(([field, messages]) => (
            <Alert key={field} color="red" role="alert">
              {field}: {messages.join('; ')}
            </Alert>
          ))}
          <TextInput label="Name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorOf('name')} {...lockOf('name')} />
          <TextInput label="URL" required value={values.url} onChange={(e) => set('url', e.currentTarget.value)} error={errorOf('url')} {...lockOf('url')} placeholder="https://www.facebook.com/…" />
          {kind === 'MARKET' && (
            <Group align="flex-start" grow>
              <TextInput
                label="Country"
                required
                value={values.country}
                onChange={(e) => set('country', e.currentTarget.value)}
                error={errorOf('country')}
                {...lockOf('country')}
                description={countryName(values.country.trim()) ?? 'ISO 3166-1 alpha-2, e.g. FR'}
                maxLength={2}
              />
              <Checkbox
                mt="xl"
                label="Default language variant"
                checked={values.defaultVariant}
                onChange={(e) => set('defaultVariant', e.currentTarget.checked)}
                error={errorOf('defaultVariant')}
                {...lockOf('defaultVariant')}
              />
            </Group>
          )}
          {kind === 'SEGMENT' && (
            <Select
              label="Segment"
              required
              data={[...brand.audiences]}
              value={values.segment || null}
              onChange={(value) => set('segment', value ?? '')}
              error={errorOf('segment')}
              {...lockOf('segment')}
            />
          )}
          {kind === 'REGION' && (
            <TagsInput label="Region countries" value={values.regionCountries} onChange={(value) => set('regionCountries', value)} error={errorOf('regionCountries')} {...lockOf('regionCountries')} />
          )}
          <TagsInput
            label="Languages"
            description="BCP 47 tags, e.g. fr, nl-BE; press Enter after each"
            value={values.languages}
            onChange={(value) => set('languages', value)}
            error={errorOf('languages')}
            {...lockOf('languages')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Handle" value={values.handle} onChange={(e) => set('handle', e.currentTarget.value)} error={errorOf('handle')} {...lockOf('handle')} />
            <TextInput label="External id" value={values.externalId} onChange={(e) => set('externalId', e.currentTarget.value)} error={errorOf('externalId')} {...lockOf('externalId')} />
            <TextInput label="Website" value={values.website} onChange={(e) => set('website', e.currentTarget.value)} error={errorOf('website')} {...lockOf('website')} />
            <TextInput label="Picture URL" value={values.pictureUrl} onChange={(e) => set('pictureUrl', e.currentTarget.value)} error={errorOf('pictureUrl')} {...lockOf('pictureUrl')} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errorOf('description')} {...lockOf('description')} />
          <TagsInput label="Keywords" value={values.keywords} onChange={(value) => set('keywords', value)} error={errorOf('keywords')} {...lockOf('keywords')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating.loading || updating.loading}>
              {target.mode === 'edit' ? 'Save' : 'Create page'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
