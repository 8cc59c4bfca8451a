import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { formValues, parseForm } from './forms.js';

describe('parseForm', () => {
  const schema = z.object({
    email: z.string().min(3, 'error.validation_failed'),
    name: z.string().min(1, 'error.bad_request'),
  });

  it('returns the parsed data when the form is valid', () => {
    assert.deepEqual(parseForm(schema, { name: 'An', email: 'a@b.be', _csrf: 'x' }), {
      ok: true,
      data: { email: 'a@b.be', name: 'An' },
    });
  });

  it('lists one message per field in the order the fields were submitted, and keeps what was typed', () => {
    const result = parseForm(schema, { name: '', email: 'x' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(Object.keys(result.errors), ['name', 'email']);
    assert.equal(result.errors.name, 'error.bad_request');
    assert.deepEqual(result.values, { name: '', email: 'x' });
  });

  it('treats a body that is not a plain object of strings as empty, never throwing', () => {
    for (const body of [null, undefined, 'text', 42, ['a'], { name: { nested: true }, email: 7 }]) {
      const result = parseForm(schema, body);
      assert.equal(result.ok, false);
    }
    assert.deepEqual(formValues({ a: ['x', 'y'], b: ['x', 1], _csrf: 't' }), { a: ['x', 'y'] });
  });
});
