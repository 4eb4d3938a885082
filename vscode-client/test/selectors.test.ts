import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocumentSelector, globToRegExp, isTemplatePath, matchesSelector, templateDirGlobs } from '../src/selectors';

const selector = buildDocumentSelector([]);
const doc = (languageId: string, path: string, scheme = 'file') => ({ languageId, path, scheme });

test('python, django-html and django-txt documents are always selected', () => {
  assert.ok(matchesSelector(selector, doc('python', '/p/shop/views.py')));
  assert.ok(matchesSelector(selector, doc('django-html', '/p/anywhere/page.html')));
  assert.ok(matchesSelector(selector, doc('django-txt', '/p/mail/body.txt')));
});

test('html is selected only under a templates folder', () => {
  assert.ok(matchesSelector(selector, doc('html', '/p/shop/templates/shop/cart.html')));
  assert.ok(matchesSelector(selector, doc('html', '/p/templates/base.html')));
  assert.ok(!matchesSelector(selector, doc('html', '/p/static/index.html')));
  assert.ok(!matchesSelector(selector, doc('html', '/p/templatesx/a.html')));
});

test('requirements, pyproject, Pipfile and poetry.lock are selected whatever their language id', () => {
  for (const p of ['/p/requirements.txt', '/p/requirements-dev.txt', '/p/requirements/base.txt', '/p/pyproject.toml',
    '/p/Pipfile', '/p/Pipfile.lock', '/p/poetry.lock']) {
    assert.ok(matchesSelector(selector, doc('plaintext', p)), p);
  }
  assert.ok(matchesSelector(selector, doc('pip-requirements', '/p/deps/prod.in')));
  assert.ok(!matchesSelector(selector, doc('plaintext', '/p/notes.txt')));
  assert.ok(!matchesSelector(selector, doc('toml', '/p/Cargo.toml')));
});

test('non-file schemes (untitled, git) are not sent to the server', () => {
  assert.ok(!matchesSelector(selector, doc('python', 'Untitled-1', 'untitled')));
  assert.ok(!matchesSelector(selector, doc('python', '/p/a.py', 'git')));
});

test('Windows paths with backslashes match', () => {
  assert.ok(matchesSelector(selector, doc('html', 'C:\\p\\shop\\templates\\shop\\cart.html')));
});

test('template dirs: relative, ./-prefixed, trailing slash, absolute, Windows, duplicates, blanks', () => {
  assert.deepEqual(templateDirGlobs(['frontend/tpl', './frontend/tpl/', '/srv/tpl', 'C:\\site\\tpl', ' ', '.']), [
    '**/frontend/tpl/**/*.{html,htm,txt}',
    '/srv/tpl/**/*.{html,htm,txt}',
    'C:/site/tpl/**/*.{html,htm,txt}',
  ]);
});

test('configured template dirs extend the html selector', () => {
  const custom = buildDocumentSelector(['frontend/tpl']);
  assert.ok(!matchesSelector(selector, doc('html', '/p/frontend/tpl/page.html')));
  assert.ok(matchesSelector(custom, doc('html', '/p/frontend/tpl/page.html')));
  assert.ok(matchesSelector(custom, doc('html', '/p/frontend/tpl/deep/er/page.html')));
  assert.ok(!matchesSelector(custom, doc('html', '/p/frontend/other/page.html')));
  assert.ok(isTemplatePath('/p/frontend/tpl/mail.txt', ['frontend/tpl']));
  assert.ok(!isTemplatePath('/p/frontend/tpl/app.js', ['frontend/tpl']));
});

test('absolute template dir matches only at that location', () => {
  assert.ok(isTemplatePath('/srv/tpl/a.html', ['/srv/tpl']));
  assert.ok(!isTemplatePath('/home/srv/tpl/a.html', ['/srv/tpl']));
});

test('glob semantics: * stays in a segment, ** spans folders, braces alternate, dots are literal', () => {
  assert.ok(globToRegExp('**/requirements*.txt').test('/a/b/requirements-dev.txt'));
  assert.ok(!globToRegExp('**/requirements*.txt').test('/a/requirements/dev.txt'));
  assert.ok(globToRegExp('**/x/**/*.{html,txt}').test('x/y.txt'));
  assert.ok(!globToRegExp('**/*.py').test('/a/bpy'));
  assert.ok(globToRegExp('**/a?.py').test('/a1.py'));
  assert.ok(!globToRegExp('**/a?.py').test('/a/.py'));
});
