import { historyActor } from './history-actor';

describe('historyActor', () => {
  const directory = (id: string) => ({ 'u-an': 'Nguyễn Văn An (hiện nay)' })[id];
  const at = '2026-03-02T02:00:00.000Z';

  it('prefers the name recorded with the event (the person as they were then)', () => {
    const metadata = { occurredAt: at, actor: { id: 'u-an', role: 'vpcp' }, actorName: 'Nguyễn Văn An' };
    expect(historyActor(metadata, directory)).toEqual({ id: 'u-an', role: 'vpcp', name: 'Nguyễn Văn An' });
  });
  it('falls back to the directory for events recorded without a name', () => {
    expect(historyActor({ occurredAt: at, actor: { id: 'u-an', role: 'vpcp' } }, directory).name).toBe('Nguyễn Văn An (hiện nay)');
  });
  it('gives role and agency only for an unknown user, and no name for the system', () => {
    expect(historyActor({ occurredAt: at, actor: { id: 'dev', role: 'agency', agency: 'BTC' } }, directory)).toEqual({
      id: 'dev',
      role: 'agency',
      agency: 'BTC',
    });
    expect(historyActor({ occurredAt: at, actor: { id: 'scheduler', role: 'system' }, actorName: 'x' }, directory)).toEqual({
      id: 'scheduler',
      role: 'system',
    });
  });
});
