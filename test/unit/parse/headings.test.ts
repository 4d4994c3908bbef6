// A heading's title (parse/headings.ts): figures after it are not the title's
// (a page number, a figure a saved page ran into the heading), and the
// template title written in its place reads as that title.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recogniseHeading } from '../../../server/src/core/parse/headings';

const read = (line: string) => {
  const h = recogniseHeading(line, 0);
  return h && { title: h.title, titleText: line.slice(h.titleRange.start, h.titleRange.end), sectionId: h.sectionId, exact: h.similarity === 1 };
};

describe('a heading followed by figures', () => {
  it('leaves them out of its title, whatever stands between', () => {
    for (const line of ['二、主动公开政府信息情况 5', '二、主动公开政府信息情况5', '二、主动公开政府信息情况　１２', '二、主动公开政府信息情况、6、5', '二、主动公开政府信息情况.2']) {
      assert.deepEqual(read(line), { title: '主动公开政府信息情况', titleText: '主动公开政府信息情况', sectionId: 2, exact: true }, line);
    }
  });

  it('reads a part title cut short before a figure as that, and the whole title written in its place as the template\'s', () => {
    assert.deepEqual(read('四、政府信息公开行政复议、6'), { title: '政府信息公开行政复议', titleText: '政府信息公开行政复议', sectionId: 4, exact: false });
    assert.deepEqual(read('四、政府信息公开行政复议、行政诉讼情况、5'), { title: '政府信息公开行政复议、行政诉讼情况', titleText: '政府信息公开行政复议、行政诉讼情况', sectionId: 4, exact: true });
  });

  it('keeps figures inside a title, and a line of only a numbering and figures is no heading', () => {
    assert.equal(read('一、2023年总体情况')?.title, '2023年总体情况');
    assert.equal(read('一、2023'), undefined);
    assert.equal(read('一、 1 2 3'), undefined);
  });
});
