import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  Checkboxes,
  ErrorSummary,
  FileInput,
  NotificationBanner,
  PageHeader,
  Pagination,
  paginationItems,
  Radios,
  Select,
  StatusTag,
  SummaryList,
  Table,
  TextField,
  withQuery,
} from './components.js';
import { translator } from './i18n/catalogue.js';
import type { Locale } from './i18n/define.js';
import type { PageContext } from './page-context.js';

function pageAt(path = '/', locale: Locale = 'nl'): PageContext {
  return {
    locale,
    t: translator(locale),
    path,
    csrfToken: 'token',
    auth: null,
    demo: false,
    oidcEnabled: false,
  };
}

const page = pageAt();
const html = (node: VNode) => renderToString(node);

/** The opening tag of the element with this id (attributes in any order). */
function tagWithId(markup: string, id: string): string {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`).exec(markup);
  assert.ok(match, `no element with id="${id}" in ${markup}`);
  return match[0];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

describe('TextField', () => {
  it('ties the label to the input and describes it by its hint and error, marked invalid', () => {
    const markup = html(
      <TextField
        page={page}
        name="email"
        label="form.search"
        hint={{ text: 'Your work address' }}
        error="error.validation_failed"
        value="x@example.org"
      />,
    );
    assert.match(markup, /<label class="field__label" for="field-email">/);
    const input = tagWithId(markup, 'field-email');
    assert.equal(attr(input, 'aria-describedby'), 'field-email-hint field-email-error');
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.match(tagWithId(markup, 'field-email-hint'), /class="field__hint"/);
    assert.match(markup, /id="field-email-error"><span class="visually-hidden">Fout: <\/span>Controleer/);
  });

  it('leaves out aria-describedby and aria-invalid when there is no hint or error', () => {
    const input = tagWithId(html(<TextField page={page} name="q" label="form.search" />), 'field-q');
    assert.equal(attr(input, 'aria-describedby'), undefined);
    assert.equal(attr(input, 'aria-invalid'), undefined);
  });
});

describe('ErrorSummary', () => {
  it('links each message to the id of its field so focus lands on the control', () => {
    const markup = html(<ErrorSummary page={page} errors={{ email: 'error.validation_failed' }} />);
    assert.match(markup, /role="alert"/);
    assert.match(markup, /<a href="#field-email">Controleer de gegevens/);
  });
});

describe('Radios', () => {
  const options = [
    { value: 'named', label: { text: 'With my name' }, hint: { text: 'Only handlers see it' } },
    { value: 'anonymous', label: { text: 'Anonymously' } },
  ] as const;

  it('groups the options in a fieldset named by its legend and described by hint and error', () => {
    const markup = html(
      <Radios
        page={page}
        name="identity"
        legend={{ text: 'How do you want to report?' }}
        hint={{ text: 'You can change this later' }}
        error="error.validation_failed"
        options={options}
        value="anonymous"
      />,
    );
    const fieldset = /<fieldset[^>]*>/.exec(markup)?.[0] ?? '';
    assert.equal(attr(fieldset, 'aria-describedby'), 'field-identity-hint field-identity-error');
    assert.match(markup, /<legend class="fieldset__legend">How do you want to report\?<\/legend>/);
    assert.match(markup, /class="field field--error"/);
    assert.ok(markup.indexOf('<legend') < markup.indexOf('id="field-identity-hint"'), 'legend comes first');
  });

  it('gives the first radio the field id, ties every label and option hint, and checks the value', () => {
    const markup = html(
      <Radios page={page} name="identity" legend={{ text: 'Q' }} options={options} value="anonymous" />,
    );
    const first = tagWithId(markup, 'field-identity');
    const second = tagWithId(markup, 'field-identity-2');
    assert.equal(attr(first, 'type'), 'radio');
    assert.equal(attr(first, 'name'), 'identity');
    assert.equal(attr(first, 'aria-describedby'), 'field-identity-hint');
    assert.match(first, /\srequired/);
    assert.doesNotMatch(first, /\schecked/);
    assert.match(second, /\schecked/);
    assert.match(markup, /<label class="choice__label" for="field-identity">With my name<\/label>/);
    assert.match(markup, /<label class="choice__label" for="field-identity-2">Anonymously<\/label>/);
    assert.match(tagWithId(markup, 'field-identity-hint'), /class="choice__hint"/);
  });

  it('marks every radio invalid when the group has an error', () => {
    const markup = html(
      <Radios
        page={page}
        name="r"
        legend={{ text: 'Q' }}
        options={options}
        error="error.validation_failed"
      />,
    );
    assert.equal(attr(tagWithId(markup, 'field-r'), 'aria-invalid'), 'true');
    assert.equal(attr(tagWithId(markup, 'field-r-2'), 'aria-invalid'), 'true');
  });

  it('can show the legend as the page heading for a one-question page', () => {
    const markup = html(
      <Radios page={page} name="r" legend={{ text: 'Question?' }} legendAsHeading options={options} />,
    );
    assert.match(markup, /<legend[^>]*><h1 class="fieldset__heading">Question\?<\/h1><\/legend>/);
  });
});

describe('Checkboxes', () => {
  it('checks every submitted value and requires none of the boxes', () => {
    const markup = html(
      <Checkboxes
        page={page}
        name="roles"
        legend={{ text: 'Roles' }}
        options={[
          { value: 'staff', label: { text: 'Staff' } },
          { value: 'manager', label: { text: 'Manager' } },
          { value: 'admin', label: { text: 'Admin' } },
        ]}
        values={['staff', 'admin']}
      />,
    );
    assert.match(markup, /<fieldset/);
    assert.match(markup, /<legend class="fieldset__legend">Roles<\/legend>/);
    const boxes = [...markup.matchAll(/<input[^>]*>/g)].map((m) => m[0]);
    assert.equal(boxes.length, 3);
    assert.ok(boxes.every((box) => attr(box, 'type') === 'checkbox' && !/\srequired/.test(box)));
    assert.deepEqual(
      boxes.map((box) => /\schecked/.test(box)),
      [true, false, true],
    );
  });
});

describe('Select', () => {
  it('ties its label, offers an empty first choice and selects the current value', () => {
    const markup = html(
      <Select
        page={page}
        name="entity"
        label={{ text: 'Entity' }}
        hint={{ text: 'Where you work' }}
        placeholder="form.choose"
        options={[
          { value: 'a', label: { text: 'Department A' } },
          { value: 'b', label: { text: 'Department B' } },
        ]}
        value="b"
      />,
    );
    assert.match(markup, /<label class="field__label" for="field-entity">Entity<\/label>/);
    const select = tagWithId(markup, 'field-entity');
    assert.match(select, /^<select/);
    assert.equal(attr(select, 'aria-describedby'), 'field-entity-hint');
    assert.match(markup, /<option value(="")?>Kies een optie<\/option>/);
    assert.match(markup, /<option value="b" selected>Department B<\/option>/);
    assert.match(markup, /<option value="a">Department A<\/option>/);
  });
});

describe('FileInput', () => {
  it('renders a labelled file control with its accepted types, described by hint and error', () => {
    const markup = html(
      <FileInput
        page={page}
        name="attachment"
        label={{ text: 'Attachment' }}
        hint={{ text: 'PDF or image' }}
        error="error.payload_too_large"
        accept=".pdf,image/*"
        optional
      />,
    );
    const input = tagWithId(markup, 'field-attachment');
    assert.equal(attr(input, 'type'), 'file');
    assert.equal(attr(input, 'accept'), '.pdf,image/*');
    assert.equal(attr(input, 'aria-describedby'), 'field-attachment-hint field-attachment-error');
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.doesNotMatch(input, /\srequired/);
    assert.match(markup, /for="field-attachment">Attachment<span class="field__optional"> \(optioneel\)/);
  });
});

describe('NotificationBanner', () => {
  it('announces a success politely, is named by its title and takes focus on load', () => {
    const markup = html(
      <NotificationBanner page={page} type="success">
        <p>Saved.</p>
      </NotificationBanner>,
    );
    const banner = /<div class="notification notification--success"[^>]*>/.exec(markup)?.[0] ?? '';
    assert.equal(attr(banner, 'role'), 'status');
    assert.equal(attr(banner, 'aria-labelledby'), 'notification-success-title');
    assert.equal(attr(banner, 'tabindex'), '-1');
    assert.match(banner, /data-focus-on-load/);
    assert.match(markup, /<h2 class="notification__title" id="notification-success-title">Gelukt<\/h2>/);
  });

  it('interrupts with role alert for a warning and uses a given title', () => {
    const markup = html(
      <NotificationBanner page={page} type="warning" title={{ text: 'Queue closed' }}>
        Try e-mail.
      </NotificationBanner>,
    );
    assert.match(markup, /role="alert"/);
    assert.match(markup, />Queue closed<\/h2>/);
    assert.doesNotMatch(markup, /data-focus-on-load/);
  });

  it('defaults to an informational status titled "Belangrijk"', () => {
    const markup = html(<NotificationBanner page={page}>Note</NotificationBanner>);
    assert.match(markup, /notification--info/);
    assert.match(markup, /role="status"/);
    assert.match(markup, />Belangrijk<\/h2>/);
  });
});

describe('Table', () => {
  const columns = [
    { key: 'name', label: { text: 'Name' }, sortable: true },
    { key: 'count', label: { text: 'Count' }, numeric: true, sortable: true },
    { key: 'role', label: { text: 'Role' } },
  ] as const;
  const rows = [
    { key: '1', cells: ['Ann', '3', 'staff'] },
    { key: '2', cells: ['Bob', '12', 'admin'] },
  ];

  it('has a caption naming its scrollable region and column headers with scope', () => {
    const markup = html(<Table page={page} caption={{ text: 'Users' }} columns={columns} rows={rows} />);
    assert.match(markup, /<caption class="table__caption" id="table-caption">Users<\/caption>/);
    assert.match(
      markup,
      /<div class="table-wrapper" role="region" aria-labelledby="table-caption" tabindex="0">/,
    );
    assert.equal([...markup.matchAll(/<th scope="col"/g)].length, 3);
    assert.equal([...markup.matchAll(/<td/g)].length, 6);
    assert.match(markup, /<td class="table__cell table__cell--numeric">12<\/td>/);
  });

  it('makes the first cell of each row its header when asked', () => {
    const markup = html(
      <Table page={page} caption={{ text: 'Users' }} columns={columns} rows={rows} rowHeaders />,
    );
    assert.match(markup, /<th scope="row" class="table__cell">Ann<\/th>/);
    assert.equal([...markup.matchAll(/<td/g)].length, 4);
  });

  it('links sortable headers keeping filters, reversing the current sort and going back to page 1', () => {
    const markup = html(
      <Table
        page={pageAt('/admin/users?q=jan&sort=name&dir=asc&page=3')}
        caption={{ text: 'Users' }}
        columns={columns}
        rows={rows}
        sort={{ column: 'name', direction: 'asc' }}
      />,
    );
    const nameHeader = /<th[^>]*aria-sort="ascending"[^>]*><a[^>]*href="([^"]+)"[^>]*>Name<\/a>/.exec(markup);
    assert.ok(nameHeader, 'the sorted column carries aria-sort');
    assert.equal(nameHeader[1]?.replaceAll('&amp;', '&'), '/admin/users?q=jan&sort=name&dir=desc');
    const countHref = /<a class="table__sort table__sort--none" href="([^"]+)">Count<\/a>/.exec(markup)?.[1];
    assert.equal(countHref?.replaceAll('&amp;', '&'), '/admin/users?q=jan&sort=count&dir=asc');
    assert.equal([...markup.matchAll(/aria-sort=/g)].length, 1);
    assert.match(markup, /<th scope="col" class="table__header">Role<\/th>/);
  });

  it('says there is nothing to show when there are no rows', () => {
    const markup = html(<Table page={page} caption={{ text: 'Users' }} columns={columns} rows={[]} />);
    assert.match(
      markup,
      /<td class="table__cell table__cell--empty" colspan="3">Er is niets om te tonen.<\/td>/,
    );
  });
});

describe('Pagination', () => {
  const at = (path: string) => pageAt(path);
  const hrefs = (markup: string) =>
    [...markup.matchAll(/<a class="pagination__link" href="([^"]+)"/g)].map((m) =>
      m[1]?.replaceAll('&amp;', '&'),
    );

  it('summarises the results and marks the current page in a labelled navigation', () => {
    const markup = html(
      <Pagination page={at('/admin/users?q=jan&page=2')} currentPage={2} pageSize={20} total={95} />,
    );
    assert.match(markup, /<p class="pagination__summary">Resultaten 21 tot 40 van 95<\/p>/);
    assert.match(markup, /<nav class="pagination__nav" aria-label="Paginering">/);
    assert.match(markup, /aria-label="Pagina 2" aria-current="page">2<\/a>/);
    assert.equal([...markup.matchAll(/aria-current=/g)].length, 1);
    assert.match(markup, /rel="prev">Vorige<\/a>/);
    assert.match(markup, /rel="next">Volgende<\/a>/);
  });

  it('builds links that keep the other query parameters and drop the parameter for page 1', () => {
    const markup = html(
      <Pagination
        page={at('/admin/users?q=jan&page=2&sort=name')}
        currentPage={2}
        pageSize={20}
        total={95}
      />,
    );
    assert.deepEqual(hrefs(markup), [
      '/admin/users?q=jan&sort=name',
      '/admin/users?q=jan&sort=name',
      '/admin/users?q=jan&page=2&sort=name',
      '/admin/users?q=jan&page=3&sort=name',
      '/admin/users?q=jan&page=4&sort=name',
      '/admin/users?q=jan&page=5&sort=name',
      '/admin/users?q=jan&page=3&sort=name',
    ]);
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = html(<Pagination page={at('/list')} currentPage={1} pageSize={10} total={30} />);
    assert.doesNotMatch(first, /Vorige/);
    assert.match(first, /Volgende/);
    const last = html(<Pagination page={at('/list?page=3')} currentPage={3} pageSize={10} total={30} />);
    assert.match(last, /Vorige/);
    assert.doesNotMatch(last, /Volgende/);
  });

  it('shows only the summary for a single page and nothing for no results', () => {
    const single = html(<Pagination page={at('/list')} currentPage={1} pageSize={10} total={4} />);
    assert.match(single, /Resultaten 1 tot 4 van 4/);
    assert.doesNotMatch(single, /<nav/);
    assert.equal(html(<Pagination page={at('/list')} currentPage={1} pageSize={10} total={0} />), '');
  });

  it('clamps a page number beyond the last page to the last page', () => {
    const markup = html(<Pagination page={at('/list?page=99')} currentPage={99} pageSize={10} total={25} />);
    assert.match(markup, /Resultaten 21 tot 25 van 25/);
    assert.match(markup, /aria-current="page">3<\/a>/);
  });

  it('shows the first, last and neighbouring pages with gaps in between', () => {
    assert.deepEqual(paginationItems(5, 10), [1, null, 4, 5, 6, null, 10]);
    assert.deepEqual(paginationItems(1, 1), [1]);
    assert.deepEqual(paginationItems(3, 5), [1, 2, 3, 4, 5]);
    assert.deepEqual(paginationItems(1, 6), [1, 2, null, 6]);
  });

  it('speaks English on an English page', () => {
    const markup = html(<Pagination page={pageAt('/list', 'en')} currentPage={1} pageSize={10} total={25} />);
    assert.match(markup, /Results 1 to 10 of 25/);
    assert.match(markup, /aria-label="Pagination"/);
  });
});

describe('StatusTag', () => {
  it('says the status in words and repeats it with a tone class', () => {
    const markup = html(<StatusTag page={page} label={{ text: 'Overdue' }} tone="danger" />);
    assert.equal(markup, '<strong class="tag tag--danger">Overdue</strong>');
    assert.match(html(<StatusTag page={page} label={{ text: 'New' }} />), /tag--neutral/);
  });
});

describe('SummaryList', () => {
  it('renders key/value pairs in a description list with an unambiguous change link', () => {
    const markup = html(
      <SummaryList
        page={page}
        rows={[
          { key: { text: 'Name' }, value: 'Ann', action: { href: '/account/name' } },
          { key: { text: 'Role' }, value: 'staff' },
        ]}
      />,
    );
    assert.match(markup, /^<dl class="summary-list">/);
    assert.match(markup, /<dt class="summary-list__key">Name<\/dt><dd class="summary-list__value">Ann<\/dd>/);
    assert.match(
      markup,
      /<a href="\/account\/name">Wijzigen<span class="visually-hidden"> Name<\/span><\/a>/,
    );
    assert.equal([...markup.matchAll(/<a /g)].length, 1);
  });
});

describe('PageHeader', () => {
  it('renders one h1 with an optional caption and lead', () => {
    const markup = html(
      <PageHeader title="Users" caption="Administration" lead="Everyone with an account." />,
    );
    assert.equal([...markup.matchAll(/<h1/g)].length, 1);
    assert.match(
      markup,
      /<p class="page-header__caption">Administration<\/p><h1 class="page-header__title">Users<\/h1>/,
    );
    assert.match(markup, /<p class="lead">Everyone with an account.<\/p>/);
    assert.doesNotMatch(html(<PageHeader title="Users" />), /caption|lead/);
  });
});

describe('withQuery', () => {
  it('sets and removes parameters and keeps the others in order', () => {
    assert.equal(withQuery('/a?x=1&page=2&y=3', { page: null }), '/a?x=1&y=3');
    assert.equal(withQuery('/a', { page: '2' }), '/a?page=2');
    assert.equal(withQuery('/a?q=a%20b', { sort: 'name' }), '/a?q=a+b&sort=name');
  });
});
