// The numbers Word generates in front of list paragraphs (w:numPr), which a
// text export drops: the parser needs `一、` to see a section heading and
// `（三）` to see an item. Definitions come from word/numbering.xml (abstract
// lists and their levels, list instances with overrides) and numbering that
// paragraph styles carry from word/styles.xml (w:basedOn followed).

import { formatNumber } from './number-formats';
import { readXml, type XmlElement } from './xml';

interface Level {
  start: number;
  format?: string;
  text?: string;
  /** 1-based level whose use restarts this one (0: never); undefined: any shallower level. */
  restart?: number;
  legal: boolean;
  /** What follows the number: a tab (default), a space or nothing. */
  suffix: string;
  /** The paragraph style this level is linked to. */
  style?: string;
}

interface Instance {
  abstractId: string;
  /** Levels this instance overrides, and start overrides. */
  levels: Map<number, Partial<Level>>;
  startOverrides: Map<number, number>;
}

export interface NumberingProperties {
  numId?: string;
  ilvl?: number;
}

interface Style {
  basedOn?: string;
  numbering: NumberingProperties;
}

/** The definitions of a document's lists; `Counters` runs them through the body. */
export class NumberingDefinitions {
  private readonly abstracts = new Map<string, Map<number, Partial<Level>>>();
  private readonly instances = new Map<string, Instance>();
  private readonly styles = new Map<string, Style>();

  constructor(numberingXml: Uint8Array | undefined, stylesXml: Uint8Array | undefined, maxDepth: number) {
    if (numberingXml) this.readNumbering(numberingXml, maxDepth);
    if (stylesXml) this.readStyles(stylesXml, maxDepth);
  }

  /** The level's definition for a list instance, overrides applied. */
  level(numId: string, ilvl: number): Level | undefined {
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const base = this.abstracts.get(instance.abstractId)?.get(ilvl);
    const override = instance.levels.get(ilvl);
    if (!base && !override) return undefined;
    return { start: 1, legal: false, suffix: 'tab', ...base, ...override };
  }

  /** The abstract list a list instance draws its levels from (and, in Word, its running count). */
  abstractOf(numId: string): string | undefined {
    return this.instances.get(numId)?.abstractId;
  }

  startOverride(numId: string, ilvl: number): number | undefined {
    return this.instances.get(numId)?.startOverrides.get(ilvl);
  }

  /** The list a paragraph style numbers its paragraphs with (w:basedOn followed), if any. */
  styleNumbering(styleId: string): NumberingProperties {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const n = this.styles.get(id)?.numbering;
      numId ??= n?.numId;
      ilvl ??= n?.ilvl;
    }
    if (numId === undefined) return {};
    // A level linked to the style (w:lvl/w:pStyle) gives the level when the style names none.
    ilvl ??= this.levelLinkedTo(numId, styleId);
    return { numId, ilvl };
  }

  private levelLinkedTo(numId: string, styleId: string): number | undefined {
    const instance = this.instances.get(numId);
    const levels = instance && this.abstracts.get(instance.abstractId);
    for (const [ilvl, level] of levels ?? []) if (level.style === styleId) return ilvl;
    return undefined;
  }

  private readNumbering(xml: Uint8Array, maxDepth: number): void {
    let levels: Map<number, Partial<Level>> | undefined;
    let level: Partial<Level> | undefined;
    let instance: Instance | undefined;
    let overrideLevel: number | undefined;
    readXml(
      xml,
      {
        open: (e: XmlElement) => {
          const val = e.attr('val');
          switch (e.name) {
            case 'abstractNum':
              levels = new Map();
              this.abstracts.set(e.attr('abstractNumId') ?? '', levels);
              break;
            case 'num':
              instance = { abstractId: '', levels: new Map(), startOverrides: new Map() };
              this.instances.set(e.attr('numId') ?? '', instance);
              break;
            case 'abstractNumId':
              if (instance && val !== undefined) instance.abstractId = val;
              break;
            case 'lvlOverride':
              overrideLevel = int(e.attr('ilvl')) ?? 0;
              break;
            case 'startOverride':
              if (instance && overrideLevel !== undefined) instance.startOverrides.set(overrideLevel, int(val) ?? 0);
              break;
            case 'lvl':
              level = {};
              if (instance && overrideLevel !== undefined) instance.levels.set(overrideLevel, level);
              else levels?.set(int(e.attr('ilvl')) ?? 0, level);
              break;
            case 'start':
              if (level) level.start = int(val) ?? 1;
              break;
            case 'numFmt':
              if (level && val !== undefined) level.format = val;
              break;
            case 'lvlText':
              if (level && val !== undefined) level.text = val;
              break;
            case 'lvlRestart':
              if (level) level.restart = int(val);
              break;
            case 'isLgl':
              if (level) level.legal = val === undefined || !['0', 'false', 'off'].includes(val);
              break;
            case 'suff':
              if (level && val !== undefined) level.suffix = val;
              break;
            case 'pStyle':
              if (level && val !== undefined) level.style = val;
              break;
          }
        },
        close: (name) => {
          if (name === 'lvl') level = undefined;
          else if (name === 'lvlOverride') overrideLevel = undefined;
          else if (name === 'abstractNum') levels = undefined;
          else if (name === 'num') instance = undefined;
        },
        text: () => {},
      },
      maxDepth,
    );
  }

  private readStyles(xml: Uint8Array, maxDepth: number): void {
    let style: Style | undefined;
    let inParagraphProperties = false;
    readXml(
      xml,
      {
        open: (e) => {
          if (e.name === 'style') {
            style = undefined;
            if (e.attr('type') === 'paragraph' || e.attr('type') === undefined) {
              style = { numbering: {} };
              this.styles.set(e.attr('styleId') ?? '', style);
            }
          } else if (!style) return;
          else if (e.name === 'basedOn') style.basedOn = e.attr('val');
          else if (e.name === 'pPr') inParagraphProperties = true;
          else if (inParagraphProperties && e.name === 'numId') style.numbering.numId = e.attr('val');
          else if (inParagraphProperties && e.name === 'ilvl') style.numbering.ilvl = int(e.attr('val'));
        },
        close: (name) => {
          if (name === 'pPr') inParagraphProperties = false;
          else if (name === 'style') style = undefined;
        },
        text: () => {},
      },
      maxDepth,
    );
  }
}

/**
 * Where each list stands while the body is read in order. As in Word, the
 * count runs per abstract list: list instances (numIds) over one abstract
 * list continue one sequence, and an instance with a w:startOverride restarts
 * it at that level where the instance is first used (ECMA-376 §17.9; the
 * viewers that keyed counts by numId got Word's numbers wrong).
 */
export class Counters {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /**
   * The number Word shows in front of a paragraph of list `numId` at level
   * `ilvl` (with what follows it), and the list advanced; undefined when it shows none.
   */
  next(numId: string, ilvl: number): string | undefined {
    if (numId === '0') return undefined; // numId 0: numbering switched off
    const level = this.definitions.level(numId, ilvl);
    const abstractId = this.definitions.abstractOf(numId);
    if (!level || abstractId === undefined) return undefined;
    const counts = this.counts.get(abstractId) ?? [];
    this.counts.set(abstractId, counts);
    const firstUse = !this.used.has(`${numId}:${ilvl}`);
    this.used.add(`${numId}:${ilvl}`);
    const override = firstUse ? this.definitions.startOverride(numId, ilvl) : undefined;
    const current = counts[ilvl];
    counts[ilvl] = override ?? (current === undefined ? this.startOf(numId, ilvl) : current + 1);
    // Deeper levels restart after this one, unless their w:lvlRestart says otherwise.
    for (let deeper = ilvl + 1; deeper < counts.length; deeper++) {
      const restart = this.definitions.level(numId, deeper)?.restart;
      if (restart === undefined ? true : restart !== 0 && ilvl < restart) counts[deeper] = undefined;
    }
    if (level.text === undefined) return undefined;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const at = Number(d) - 1;
      const count = counts[at] ?? this.startOf(numId, at);
      const fmt = level.legal ? 'decimal' : this.definitions.level(numId, at)?.format;
      return formatNumber(count, fmt) ?? '';
    });
    if (level.format === 'bullet' || level.format === 'none' || !text.trim()) return undefined;
    return level.suffix === 'nothing' ? text : `${text} `;
  }

  private startOf(numId: string, ilvl: number): number {
    return this.definitions.level(numId, ilvl)?.start ?? 1;
  }
}

function int(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
