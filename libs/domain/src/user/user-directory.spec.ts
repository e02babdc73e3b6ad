import { NotFoundError } from '../domain.errors';
import { decideDisableUser, decideSignOut, evolveUsers, userById, UserEvent, Users } from './user-directory';

/** Issue 9 (API fuzzing): ids named after Object.prototype members are not users. */
describe('user directory: ids that are Object.prototype members', () => {
  const admin = { id: 'admin-1', role: 'admin' as const };
  const at = '2026-03-02T02:00:00.000Z';
  const created: UserEvent = {
    type: 'UserCreated',
    data: { userId: 'u-1', email: 'a@mof.gov.vn', name: 'An', role: 'agency', agency: 'BTC', passwordHash: 'h', createdAt: at },
  };
  const users: Users = evolveUsers({}, created);
  const prototypeIds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it.each(prototypeIds)('finds no user %s', (id) => {
    expect(userById(users, id)).toBeUndefined();
    expect(userById(users, 'u-1')?.email).toBe('a@mof.gov.vn');
  });

  it.each(prototypeIds)('refuses to disable %s as unknown, and signs nobody out', (id) => {
    expect(() => decideDisableUser(admin, id, users, at)).toThrow(NotFoundError);
    expect(decideSignOut(id, users, at)).toEqual([]);
  });

  it('ignores a disable or sign-out of an unknown user already in the log', () => {
    const after = [
      { type: 'UserDisabled', data: { userId: 'constructor', at } },
      { type: 'UserSignedOut', data: { userId: '__proto__', at } },
      { type: 'UserDisabled', data: { userId: 'u-missing', at } },
    ].reduce((state, e) => evolveUsers(state, e as UserEvent), users);
    expect(after).toEqual(users);
    expect(Object.values(after).every((u) => typeof u.email === 'string')).toBe(true);
  });

  it('still disables and signs out a real user', () => {
    const disabled = evolveUsers(users, decideDisableUser(admin, 'u-1', users, at)[0]);
    expect(disabled['u-1']).toMatchObject({ disabled: true, email: 'a@mof.gov.vn' });
    const out = evolveUsers(users, decideSignOut('u-1', users, at)[0]);
    expect(out['u-1'].signedOutAt).toBe(at);
  });
});
