import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  Select,
  TextField,
} from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { AdminLayout, entityName } from './admin.views.js';
import type { Entity, EntityInTree } from './entity.repository.js';
import { entityOptions, type FormValues } from './user-admin.views.js';

function value(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? '');
}

interface TreeNode {
  readonly entity: EntityInTree;
  readonly children: TreeNode[];
}

/** Rebuilds the nesting from the depth-first list. */
function nest(entities: readonly EntityInTree[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  for (const entity of entities) {
    const node: TreeNode = { entity, children: [] };
    byId.set(entity.id, node);
    const parent = entity.parentId ? byId.get(entity.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

function TreeList(props: {
  readonly page: PageContext;
  readonly nodes: readonly TreeNode[];
  readonly root?: boolean;
}) {
  return (
    <ul class={props.root ? 'tree' : 'tree__children'}>
      {props.nodes.map((node) => (
        <li class="tree__item" key={node.entity.id}>
          <a href={`/admin/entities/${node.entity.id}`}>{entityName(props.page, node.entity)}</a>
          {node.children.length > 0 && <TreeList page={props.page} nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

function EntityFields(props: {
  readonly page: PageContext;
  readonly entities: readonly EntityInTree[];
  readonly values: FormValues | undefined;
  readonly errors: FieldErrors | undefined;
  readonly disabled?: ReadonlySet<string>;
}) {
  const { page, values, errors } = props;
  return (
    <>
      <TextField
        page={page}
        name="nameNl"
        label="admin.entity.name_nl"
        value={value(values, 'nameNl')}
        error={errors?.nameNl}
        maxLength={200}
      />
      <TextField
        page={page}
        name="nameEn"
        label="admin.entity.name_en"
        value={value(values, 'nameEn')}
        error={errors?.nameEn}
        maxLength={200}
      />
      <Select
        page={page}
        name="parentId"
        label="admin.entity.parent"
        hint="admin.entity.parent_hint"
        value={value(values, 'parentId')}
        options={[
          { value: '', label: 'admin.entity.parent_none' },
          ...entityOptions(page, props.entities, props.disabled),
        ]}
        error={errors?.parentId}
        optional
      />
    </>
  );
}

/** `/admin/entities`: the organisation tree as nested lists, and the form to add an entity. */
export function EntityTreePage(props: {
  readonly page: PageContext;
  readonly entities: readonly EntityInTree[];
  readonly created?: boolean;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
}) {
  const { page, entities } = props;
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('admin.entities.title')}>
      <PageHeader title={t('admin.entities.title')} lead={t('admin.entities.lead')} />
      {props.created && (
        <NotificationBanner page={page} type="success">
          <p>{t('admin.entity.notice_created')}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={props.errors} />
      <h2>{t('admin.entities.tree_heading')}</h2>
      {entities.length === 0 ? (
        <p>{t('admin.entities.none')}</p>
      ) : (
        <TreeList page={page} nodes={nest(entities)} root />
      )}
      <h2 id="new-entity">{t('admin.entity.new_title')}</h2>
      <form method="post" action="/admin/entities" class="form" novalidate aria-labelledby="new-entity">
        <CsrfField page={page} />
        <EntityFields page={page} entities={entities} values={props.values} errors={props.errors} />
        <Button>{t('admin.entity.create')}</Button>
      </form>
    </AdminLayout>
  );
}

/** `/admin/entities/:id`: rename, or move under another parent (itself and its descendants are not offered). */
export function EntityEditPage(props: {
  readonly page: PageContext;
  readonly entity: Entity;
  readonly entities: readonly EntityInTree[];
  readonly saved?: boolean;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
}) {
  const { page, entity, entities } = props;
  const { t } = page;
  const values: FormValues = props.values ?? {
    nameNl: entity.nameNl,
    nameEn: entity.nameEn,
    parentId: entity.parentId ?? '',
  };
  const title = entityName(page, entity);
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={t('admin.entities.title')} />
      {props.saved && (
        <NotificationBanner page={page} type="success">
          <p>{t('admin.entity.notice_updated')}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={props.errors} />
      <form method="post" action={`/admin/entities/${entity.id}`} class="form" novalidate>
        <CsrfField page={page} />
        <EntityFields
          page={page}
          entities={entities}
          values={values}
          errors={props.errors}
          disabled={selfAndDescendants(entities, entity.id)}
        />
        <div class="button-group">
          <Button>{t('form.save')}</Button>
          <a href="/admin/entities">{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** The entity and everything below it, read from the depth-first list. */
function selfAndDescendants(entities: readonly EntityInTree[], id: string): Set<string> {
  const out = new Set<string>();
  const start = entities.findIndex((e) => e.id === id);
  const root = entities[start];
  if (!root) return out;
  out.add(root.id);
  for (const entity of entities.slice(start + 1)) {
    if (entity.depth <= root.depth) break;
    out.add(entity.id);
  }
  return out;
}
