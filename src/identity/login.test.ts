import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginForAudit, pathForStage, safeNextPath } from './login.js';

describe('login flow rules', () => {
  it('honours next only for paths on this site', () => {
    assert.equal(safeNextPath('/admin/users?page=2'), '/admin/users?page=2');
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'admin',
      '',
      '/a\nb',
      '/a\\b',
      '/a b',
      '/\t/evil.example',
      '/caf\u00e9',
      '/\u20ac',
    ]) {
      assert.equal(safeNextPath(bad), undefined, bad);
    }
    assert.equal(safeNextPath(['/a', '/b']), undefined);
    assert.equal(safeNextPath(`/${'a'.repeat(1000)}`), undefined);
  });

  it('sends each stage to its page and carries next along', () => {
    assert.equal(pathForStage('active', '/admin'), '/admin');
    assert.equal(pathForStage('active', undefined), '/account');
    assert.equal(pathForStage('second_factor', '/admin?x=1'), '/login/second-factor?next=%2Fadmin%3Fx%3D1');
    assert.equal(pathForStage('enrol', undefined), '/login/enrol');
  });

  it('keeps a typed login name for the audit log only when it looks like a user name or e-mail address', () => {
    assert.equal(loginForAudit(' Jan.Peeters '), 'jan.peeters');
    assert.equal(loginForAudit('jan@example.test'), 'jan@example.test');
    assert.equal(loginForAudit('Mijn Geheim 2026!'), '(not a user name)');
  });
});
