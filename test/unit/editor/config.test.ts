// One configuration (issue 16): .gov-report.json parsed and layered once
// (core/config.ts), found on disk the same way by the CLI and the server
// (node/config-files.ts, lsp/configFiles.ts), edited by "关闭此规则" with its
// formatting kept (core/config-edit.ts), and the rule actions every finding
// offers (core/features/ruleActions.ts).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CreateFile, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { layerRules, parseConfig } from '../../../server/src/core/config';
import { newConfigText, ruleOffEdits, withRuleOff } from '../../../server/src/core/config-edit';
import { ruleActions } from '../../../server/src/core/features/ruleActions';
import { ConfigFiles, documentPath } from '../../../server/src/lsp/configFiles';

const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function applyLsp(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///c.json', 'json', 1, text), [...edits]);
}

describe('layering: default < .gov-report.json < the settings the user set', () => {
  it('a higher layer wins rule by rule; the others keep their level', () => {
    const file = parseConfig('{ "rules": { "sum.row": "off", "table.shape": "warning" } }');
    assert.deepEqual(layerRules(file, { 'sum.row': 'error' }), { 'sum.row': 'error', 'table.shape': 'warning' });
    assert.deepEqual(layerRules(undefined, { 'sum.row': 'hint' }), { 'sum.row': 'hint' });
    assert.ok(Object.isFrozen(layerRules(file)));
  });

  it('a config file with a BOM reads as without', () => {
    assert.deepEqual(parseConfig('\uFEFF{"rules":{"sum.row":"off"}}'), { 'sum.row': 'off' });
  });
});

describe('关闭此规则: the edit keeps the file’s other content and formatting', () => {
  const cases: [string, string, string][] = [
    ['two spaces, other rules', '{\n  "rules": {\n    "sum.row": "warning"\n  }\n}\n', '{\n  "rules": {\n    "sum.row": "warning",\n    "sum.review": "off"\n  }\n}\n'],
    ['four spaces, CRLF, other keys', '{\r\n    "rules": {\r\n        "a.b": "error"\r\n    },\r\n    "other": [1, 2]\r\n}\r\n', '{\r\n    "rules": {\r\n        "a.b": "error",\r\n        "sum.review": "off"\r\n    },\r\n    "other": [1, 2]\r\n}\r\n'],
    ['tabs, no rules yet', '{\n\t"x": 1\n}', '{\n\t"x": 1,\n\t"rules": {\n\t\t"sum.review": "off"\n\t}\n}'],
    ['one line stays one line', '{"rules": {"a.b": "error"}}', '{"rules": {"a.b": "error","sum.review": "off"}}'],
    ['a level changed in place', '{\n  "rules": {\n    "sum.review": "warning",\n    "a.b": "hint"\n  }\n}', '{\n  "rules": {\n    "sum.review": "off",\n    "a.b": "hint"\n  }\n}'],
  ];
  for (const [name, before, expected] of cases) {
    it(name, () => {
      assert.equal(withRuleOff(before, 'sum.review'), expected);
      // The LSP edits (lines and characters) give the same text, and the CLI reads it.
      assert.equal(applyLsp(before, ruleOffEdits(before, 'sum.review')!), expected);
      assert.equal(parseConfig(expected)['sum.review'], 'off');
    });
  }

  it('already off: no edit; not a JSON object with an object "rules": none offered (edited by hand)', () => {
    assert.deepEqual(ruleOffEdits('{"rules":{"sum.review":"off"}}', 'sum.review'), []);
    for (const bad of ['', '[]', '{"rules": 3}', '{ "rules": { } // note\n}', '{"rules": {"a": "off",}}', '{ not json']) assert.equal(ruleOffEdits(bad, 'sum.review'), undefined, bad);
  });

  it('a new file: just that rule, read by the CLI', () => {
    assert.deepEqual(parseConfig(newConfigText('table.shape')), { 'table.shape': 'off' });
  });
});

describe('the rule actions every finding offers', () => {
  const d = (code: string, source = 'gov-report'): Diagnostic => ({ range: { start: { line: 3, character: 1 }, end: { line: 3, character: 2 } }, message: 'm', code, source, severity: 1 });
  const configUri = 'file:///w/.gov-report.json';
  const docs = { command: 'govReport.showRuleDocs', base: 'file:///ext/docs/rules/' };

  it('per rule under the cursor: turn it off in the existing file, read its page; never preferred; others’ diagnostics ignored', () => {
    const text = '{\n  "rules": {}\n}\n';
    const out = ruleActions([d('sum.row'), d('sum.row'), d('table.shape'), d('x', 'other-linter'), { ...d(''), code: undefined }], 'gov-report', { config: { uri: configUri, text }, docs });
    assert.deepEqual(out.map((a) => a.title), ['关闭此规则（写入 .gov-report.json）：sum.row', '查看规则说明：sum.row', '关闭此规则（写入 .gov-report.json）：table.shape', '查看规则说明：table.shape']);
    assert.ok(out.every((a) => a.kind === 'quickfix' && a.isPreferred === false));
    assert.equal(out[0]!.diagnostics!.length, 2);
    const edits = out[0]!.edit!.changes![configUri]!;
    assert.deepEqual(parseConfig(applyLsp(text, edits)), { 'sum.row': 'off' });
    assert.deepEqual(out[1]!.command, { title: '查看规则说明：sum.row', command: 'govReport.showRuleDocs', arguments: ['file:///ext/docs/rules/sum.row.md'] });
  });

  it('no config file yet: created (never over one that appears meanwhile), only where the client can create files', () => {
    const made = ruleActions([d('sum.row')], 'gov-report', { config: { uri: configUri, text: undefined }, canCreateFiles: true, lang: 'en' });
    assert.deepEqual(made.map((a) => a.title), ['Turn this rule off (in .gov-report.json): sum.row']);
    const [create, write] = made[0]!.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: configUri });
    assert.deepEqual(parseConfig(applyLsp('', write.edits as TextEdit[])), { 'sum.row': 'off' });
    assert.deepEqual(ruleActions([d('sum.row')], 'gov-report', { config: { uri: configUri, text: undefined }, canCreateFiles: false }), []);
  });

  it('a rule the user’s settings set: the file cannot change it, so 关闭此规则 is not offered for it', () => {
    const out = ruleActions([d('sum.row'), d('table.shape')], 'gov-report', { config: { uri: configUri, text: '{}' }, setInSettings: ['sum.row'] });
    assert.deepEqual(out.map((a) => a.title), ['关闭此规则（写入 .gov-report.json）：table.shape']);
  });

  it('not on disk (no config target) and no way to show a page: nothing offered', () => {
    assert.deepEqual(ruleActions([d('sum.row')], 'gov-report', {}), []);
  });
});

describe('finding the config file from the server', () => {
  const root = path.join(dir, 'ws');
  const inner = path.join(root, 'a', 'b');
  mkdirSync(inner, { recursive: true });
  const report = path.join(inner, '某局2023年年度报告.txt');
  writeFileSync(report, '');

  it('a document’s file: file: URIs and renditions of originals (the original’s folder); none for untitled', () => {
    assert.equal(documentPath(pathToFileURL(report).href), report);
    const original = pathToFileURL(path.join(inner, '报告.pdf')).href;
    const rendition = `gov-report-original:${new URL(original).pathname}?${encodeURIComponent(original)}`;
    assert.equal(documentPath(rendition), path.join(inner, '报告.pdf'));
    assert.equal(documentPath('untitled:Untitled-1'), undefined);
  });

  it('the nearest file governs; a broken one is told once and ignored; a change is read after changed()', () => {
    const told: string[] = [];
    const files = new ConfigFiles((file, reason) => told.push(`${file}: ${reason}`));
    files.setRoots([pathToFileURL(root).href]);
    const uri = pathToFileURL(report).href;
    // None: "关闭此规则" writes at the workspace folder's root.
    assert.equal(files.rulesFor(uri), undefined);
    assert.deepEqual(files.targetFor(uri), { file: path.join(root, '.gov-report.json'), text: undefined });

    writeFileSync(path.join(root, '.gov-report.json'), '{"rules":{"sum.row":"off"}}');
    writeFileSync(path.join(root, 'a', '.gov-report.json'), '\uFEFF{"rules":{"table.shape":"hint"}}');
    assert.equal(files.rulesFor(uri), undefined, 'cached until told');
    files.changed();
    assert.deepEqual(files.rulesFor(uri), { 'table.shape': 'hint' }, 'only the nearest, not merged with the one above');
    assert.deepEqual(files.targetFor(uri), { file: path.join(root, 'a', '.gov-report.json'), text: '{"rules":{"table.shape":"hint"}}' });

    writeFileSync(path.join(root, 'a', '.gov-report.json'), '{"rules":{"table.shape":"loud"}}');
    files.changed();
    assert.equal(files.rulesFor(uri), undefined);
    assert.equal(files.rulesFor(uri), undefined);
    assert.equal(told.length, 1);
    assert.match(told[0]!, /\.gov-report\.json: .*loud/);
  });

  it('outside every workspace folder, a new file goes beside the report', () => {
    const files = new ConfigFiles();
    files.setRoots([pathToFileURL(path.join(dir, 'elsewhere')).href]);
    const lone = mkdtempSync(path.join(tmpdir(), 'gov-report-lone-'));
    try {
      const uri = pathToFileURL(path.join(lone, 'r.txt')).href;
      assert.deepEqual(files.targetFor(uri), { file: path.join(lone, '.gov-report.json'), text: undefined });
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});
