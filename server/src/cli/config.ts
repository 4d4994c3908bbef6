// Rule severities: `--rule code=level` on the command line and the nearest
// `.gov-report.json` above each checked file. The command line wins. The
// parsing is core/config.ts and the lookup node/config-files.ts, shared with
// the language server (issue 16: one configuration); re-exported here for the CLI.

export { CONFIG_FILE_NAME, LEVELS_TEXT, parseConfig, parseRuleOption, unknownRuleCodes } from '../core/service';
export { ConfigResolver, type FolderConfig } from '../node/config-files';
