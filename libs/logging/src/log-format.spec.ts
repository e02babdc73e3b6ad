import { logFormat, prettyLine } from './log-format';

describe('log format', () => {
  it('is JSON unless the output is a terminal, and LOG_FORMAT overrides the guess', () => {
    expect(logFormat({}, false)).toBe('json');
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('prints a JSON line for a person: time, level, context, message, then the other fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: '2026-03-02T01:02:03.456Z',
      app: 'api',
      pid: 1,
      context: 'http',
      msg: 'request',
      status: 200,
      actor: { id: 'a' },
    });
    expect(prettyLine(line, false)).toBe('01:02:03.456 INFO  [http] request status=200 actor={"id":"a"}\n');
    expect(prettyLine('not json', false)).toBe('not json');
  });
});
