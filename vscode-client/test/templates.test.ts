import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DetectionInput, hasUserAssociation, looksLikeDjangoTemplate, shouldSwitchToDjangoHtml } from '../src/templates';

const base: DetectionInput = {
  languageId: 'html',
  scheme: 'file',
  path: '/p/shop/templates/shop/cart.html',
  text: '<p>{{ item.name }}</p>',
  templateDirs: [],
  associations: {},
  otherDjangoExtension: false,
  enabled: true,
};

test('Django syntax is recognised; plain HTML and other braces are not', () => {
  assert.ok(looksLikeDjangoTemplate('{% extends "base.html" %}'));
  assert.ok(looksLikeDjangoTemplate('<b>{{ user }}</b>'));
  assert.ok(looksLikeDjangoTemplate('{# note #}'));
  assert.ok(!looksLikeDjangoTemplate('<p>hello</p><script>if (a) { b(); }</script>'));
  assert.ok(!looksLikeDjangoTemplate(''));
});

test('a template with Django syntax under templates/ switches', () => {
  assert.equal(shouldSwitchToDjangoHtml(base), true);
});

test('no switch when another Django extension is installed, or the user turned it off', () => {
  assert.equal(shouldSwitchToDjangoHtml({ ...base, otherDjangoExtension: true }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, enabled: false }), false);
});

test('no switch when files.associations already covers the file (path glob or file-name glob)', () => {
  assert.equal(shouldSwitchToDjangoHtml({ ...base, associations: { '**/templates/**/*.html': 'html' } }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, associations: { '*.html': 'jinja-html' } }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, associations: { '*.py': 'python', '**/static/**': 'html' } }), true);
});

test('no switch outside template dirs, for non-html languages, non-file schemes or files without Django syntax', () => {
  assert.equal(shouldSwitchToDjangoHtml({ ...base, path: '/p/static/index.html' }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, languageId: 'django-html' }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, scheme: 'git' }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, text: '<p>static</p>' }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, path: '/p/templates/mail.txt', languageId: 'html' }), false);
});

test('configured template dirs count', () => {
  assert.equal(shouldSwitchToDjangoHtml({ ...base, path: '/p/ui/pages/a.html' }), false);
  assert.equal(shouldSwitchToDjangoHtml({ ...base, path: '/p/ui/pages/a.html', templateDirs: ['ui/pages'] }), true);
});

test('association keys: file-name globs match the base name only', () => {
  assert.ok(hasUserAssociation({ 'cart.html': 'html' }, '/p/templates/cart.html'));
  assert.ok(!hasUserAssociation({ 'art.html': 'html' }, '/p/templates/cart.html'));
  assert.ok(!hasUserAssociation(undefined, '/p/templates/cart.html'));
});
