// The manifest and its translations: every %key% of package.json in
// package.nls.json (English) and package.nls.zh-cn.json (Chinese), every
// vscode.l10n.t string of the client in l10n/bundle.l10n.json and translated in
// bundle.l10n.zh-cn.json, every contributed command registered, every setting
// documented in the README, and the translations shipped in the .vsix.
// Run: node --import tsx --test test/unit/project/manifest-l10n.test.ts

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ORIGINAL_EXTENSIONS } from '../../../server/src/core/readers/original';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const json = (rel: string) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
const manifest = json('package.json') as { l10n?: string; contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, Record<string, unknown>> }; menus: Record<string, { command: string; when?: string }[]> } };
const nlsEn = json('package.nls.json') as Record<string, string>;
const nlsZh = json('package.nls.zh-cn.json') as Record<string, string>;
const bundleEn = json('l10n/bundle.l10n.json') as Record<string, string>;
const bundleZh = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
const clientSources = readdirSync(path.join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'));

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\d+\}/g)].map((m) => m[0]))].sort();
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('package.nls', () => {
  const used = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);

  test('every %key% of package.json is translated, and no key is left over', () => {
    assert.ok(used.length >= 10);
    for (const key of used) {
      assert.ok(nlsEn[key], `package.nls.json: ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json: ${key}`);
    }
    assert.deepEqual(Object.keys(nlsEn).sort(), [...new Set(used)].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
  });

  // One language per UI (issue 19): English in package.nls.json, Chinese in the zh-cn file, never both at once.
  // English may quote the template's own names in Chinese (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).
  const chineseOutsideNames = (s: string) => hasChinese(s.replace(/政府信息公开工作年度报告|国办公开办函〔2021〕30号/g, ''));
  test('English in package.nls.json, Chinese in package.nls.zh-cn.json, no value in both languages', () => {
    // Rule names (configuration.rules.rule.*) come from the English catalog, which quotes the template's labels (i18n.test.ts).
    for (const [key, value] of Object.entries(nlsEn)) assert.ok(/[A-Za-z]{3}/.test(value) && (key.startsWith('configuration.rules.rule.') || !chineseOutsideNames(value)), `${key}: ${value}`);
    for (const [key, value] of Object.entries(nlsZh)) if (key !== 'configuration.title' && key !== 'command.category') assert.ok(hasChinese(value), `${key}: ${value}`);
    for (const value of Object.values(nlsZh)) assert.doesNotMatch(value, /[\u4e00-\u9fff][^`]*\((?:[A-Z][a-z]+|[a-z]+ [a-z]+)[^)]*\)\s*$/, value);
  });
});

describe('client strings (vscode.l10n)', () => {
  const literals = clientSources.flatMap((src) => [...src.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));

  test('every string is in bundle.l10n.json (npm run l10n:export) and nothing stale is left there', () => {
    assert.ok(literals.length >= 20);
    assert.deepEqual([...new Set(literals)].sort(), Object.keys(bundleEn).sort());
    for (const [key, value] of Object.entries(bundleEn)) assert.equal(value, key);
    // The default bundle is English: no key says a thing in Chinese and in English at once.
    for (const key of Object.keys(bundleEn)) assert.doesNotMatch(key, /^[\u4e00-\u9fff].*\([A-Za-z][^()]*\)$/, key);
  });

  test('every string has its Chinese translation, with the same placeholders', () => {
    assert.deepEqual(Object.keys(bundleZh).sort(), Object.keys(bundleEn).sort());
    for (const [key, value] of Object.entries(bundleZh)) {
      assert.ok(value.trim().length > 0, key);
      assert.deepEqual(placeholders(value), placeholders(key), key);
      assert.ok(!/\([A-Za-z][^()]*\)$/.test(value), `no English left in: ${value}`);
    }
  });

  test('client code uses no bare user-facing strings in messages', () => {
    for (const src of clientSources) assert.doesNotMatch(src, /show(?:Information|Warning|Error)Message\(\s*['`]/);
  });
});

describe('contributions', () => {
  test('the manifest points at l10n/, and the .vsix ships the translations', () => {
    assert.equal(manifest.l10n, './l10n');
    const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['!package.nls.json', '!package.nls.*.json', '!l10n/*.json']) assert.ok(ignore.includes(line), line);
  });

  test('every contributed command is registered by the client', () => {
    const ids = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual(ids.sort(), ['govReport.checkOriginal', 'govReport.checkWorkspace', 'govReport.newReport', 'govReport.previewTables', 'govReport.saveRenditionAsText']);
    for (const id of ids) assert.ok(clientSources.some((src) => src.includes(`registerCommand('${id}'`)), id);
  });

  test('预览表格 is a title-bar button of gov-report editors', () => {
    const preview = manifest.contributes.commands.find((c) => c.command === 'govReport.previewTables') as { icon?: string };
    assert.equal(preview.icon, '$(table)');
    assert.deepEqual(manifest.contributes.menus['editor/title'], [
      { command: 'govReport.previewTables', when: 'editorLangId == gov-report', group: 'navigation' },
      { command: 'govReport.saveRenditionAsText', when: 'resourceScheme == gov-report-original', group: 'navigation' },
    ]);
  });

  test('作为年度报告检查 is in the Explorer menu of web pages, Word files and PDFs', () => {
    const [entry] = manifest.contributes.menus['explorer/context'] ?? [];
    assert.equal(entry?.command, 'govReport.checkOriginal');
    const when = /^resourceExtname =~ \/(.+)\/(i?)$/.exec(entry?.when ?? '');
    assert.ok(when, entry?.when);
    const extensions = new RegExp(when[1]!, when[2]);
    for (const ext of ['.html', '.htm', '.docx', '.doc', '.pdf', '.PDF']) assert.ok(extensions.test(ext), ext);
    for (const ext of ['.txt', '.md', '.pdfx', '.xlsx']) assert.ok(!extensions.test(ext), ext);
    // One list in three places: the core's (the CLI's folder walk), the client's (menus, the file dialog, the
    // workspace check) and the file watcher's glob; the client does not import the core's, so it is compared here.
    const core = Object.keys(ORIGINAL_EXTENSIONS).sort();
    for (const ext of core) assert.ok(extensions.test(ext), `menu: ${ext}`);
    const client = /ORIGINAL_EXTENSIONS = \[([^\]]*)\]/.exec(readFileSync(path.join(ROOT, 'client/src/originals.ts'), 'utf8'))![1]!;
    assert.deepEqual([...client.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), core);
    const watched = /createFileSystemWatcher\('\*\*\/\*\.\{([^}]*)\}'\)/.exec(readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8'))![1]!.split(',');
    for (const ext of core.filter((e) => e !== '.odt')) assert.ok(watched.includes(ext.slice(1)), `watcher: ${ext}`);
  });

  test('settings: run and templateYear as specified, each documented in the README table', () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(props['govReport.run']!['enum'], ['onType', 'onSave']);
    assert.equal(props['govReport.run']!['default'], 'onType');
    assert.deepEqual(props['govReport.templateYear']!['type'], ['integer', 'null']);
    assert.equal(props['govReport.templateYear']!['default'], null);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const key of Object.keys(props)) assert.match(readme, new RegExp(`^\\| \`${key.replace('.', '\\.')}\` \\|`, 'm'), key);
  });
});
