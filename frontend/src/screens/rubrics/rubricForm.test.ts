// Tests where Go's problems with one-per-line items land: the textarea line of the item Go was sent, blank lines counted.
import { blankRubric, fieldOf, forEdit, knownPaths, place, toRubric, type ERubric } from './rubricForm';

/** A rubric whose first question has these follow-ups and red flags, as the textareas hold them. */
function withLines(followUps: string[], redFlags: string[] = []): ERubric {
  const r = blankRubric();
  r.competencies[0].questions[0].followUps = followUps;
  r.competencies[0].questions[0].redFlags = redFlags;
  return r;
}

const Q = 'competencies[0].questions[0]';

describe('problems with one-per-line items', () => {
  it('name the textarea line of the item Go was sent, counting the blank lines above it', () => {
    // The textarea reads: "Why?", "", "  ", "Bad\u0007 line". Go is sent the non-blank lines only.
    const r = withLines(['Why?', '', '  ', 'Bad\u0007 line'], ['', 'Red\u0007']);
    expect(toRubric(r).competencies[0].questions[0].followUps).toEqual(['Why?', 'Bad\u0007 line']);
    const known = knownPaths(r);
    const problem = { field: `${Q}.followUps[1]`, message: 'contains a control character (U+0007)' };
    expect(fieldOf(problem, known)).toEqual({ field: `${Q}.followUps`, message: 'Line 4: contains a control character (U+0007)' });

    const { by, unplaced } = place([problem, { field: `${Q}.redFlags[0]`, message: 'contains a control character (U+0007)' }], known);
    expect(by).toEqual({
      [`${Q}.followUps`]: ['Line 4: contains a control character (U+0007)'],
      [`${Q}.redFlags`]: ['Line 2: contains a control character (U+0007)'],
    });
    expect(unplaced).toEqual([]);
  });

  it('without blank lines, item i is line i + 1', () => {
    const known = knownPaths(withLines(['One', 'Two\u0007']));
    expect(fieldOf({ field: `${Q}.followUps[1]`, message: 'x' }, known).message).toBe('Line 2: x');
  });

  it('leaves other paths alone', () => {
    const known = knownPaths(withLines([]));
    const e = { field: `${Q}.anchors[2]`, message: 'must not be empty' };
    expect(fieldOf(e, known)).toBe(e);
    // An item the form does not have (the draft changed since Go checked) keeps Go's count.
    expect(fieldOf({ field: `${Q}.followUps[5]`, message: 'x' }, known).message).toBe('Line 6: x');
  });
});

describe('fields the editor does not show', () => {
  it("keep a question's kind and calibration samples through an edit and save", () => {
    const r = blankRubric();
    const q = r.competencies[0].questions[0];
    q.kind = 'situational';
    q.samples = [{ level: 1, answer: 'Names no check at all.' }, { level: 4, answer: 'Tests each tool call against a schema.' }];
    const sent = toRubric(forEdit(toRubric(r)));
    const back = sent.competencies[0].questions[0];
    expect(back.kind).toBe('situational');
    expect(back.samples).toEqual(q.samples);
  });
});
