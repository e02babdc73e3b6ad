import { Actor, Role } from '../actor';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError, NotFoundError } from '../domain.errors';
import { isEmailAddress } from '../email';

/** Who a user is, as created: the event carries it and the directory keeps it. */
export interface UserProfile {
  userId: string;
  email: string;
  name: string;
  role: Exclude<Role, 'system'>;
  agency?: string;
  passwordHash: string;
}

/**
 * People who sign in (người dùng), as events on one stream, `user-directory`: the number of users is
 * small and an email must be unique across all of them, which one stream checks for free.
 */
export interface UserCreated {
  type: 'UserCreated';
  data: UserProfile & { createdAt: string };
}
export interface UserDisabled {
  type: 'UserDisabled';
  data: { userId: string; at: string };
}
/** Tokens issued before `at` stop working (sign-out). */
export interface UserSignedOut {
  type: 'UserSignedOut';
  data: { userId: string; at: string };
}
export type UserEvent = UserCreated | UserDisabled | UserSignedOut;

export interface User extends UserProfile {
  disabled: boolean;
  signedOutAt?: string;
}

export type Users = Record<string, User>;

/**
 * The user with this id. `users[id]` alone answers ids such as `constructor` or `__proto__` with
 * Object's own members, which once let an admin "disable" a user that does not exist.
 */
export function userById(users: Users, userId: string): User | undefined {
  return Object.hasOwn(users, userId) ? users[userId] : undefined;
}

export function evolveUsers(users: Users, event: UserEvent): Users {
  switch (event.type) {
    case 'UserCreated': {
      const { createdAt: _c, ...user } = event.data;
      return { ...users, [user.userId]: { ...user, disabled: false } };
    }
    // An event about no known user changes nothing: logs written before userById() may hold one
    // (`UserDisabled constructor`), and a user without an email would break every listing.
    case 'UserDisabled': {
      const user = userById(users, event.data.userId);
      return user ? { ...users, [event.data.userId]: { ...user, disabled: true } } : users;
    }
    case 'UserSignedOut': {
      const user = userById(users, event.data.userId);
      return user ? { ...users, [event.data.userId]: { ...user, signedOutAt: event.data.at } } : users;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function decideCreateUser(actor: Actor, user: UserCreated['data'], users: Users, agencyExists: boolean): UserEvent[] {
  if (actor.role !== 'admin') throw new ActorForbiddenError('CreateUser', 'Chỉ quản trị viên mới được tạo người dùng');
  if (!isEmailAddress(user.email)) throw new InvalidCommandError('CreateUser', 'Địa chỉ email không hợp lệ', 'email');
  if (!user.name.trim()) throw new InvalidCommandError('CreateUser', 'Họ và tên không được để trống', 'name');
  if (user.role === 'agency' && !user.agency)
    throw new InvalidCommandError('CreateUser', 'Người dùng thuộc cơ quan cần có mã cơ quan', 'agency');
  if (user.agency && !agencyExists)
    throw new InvalidCommandError('CreateUser', `Mã cơ quan không có trong danh mục: ${user.agency}`, 'agency');
  if (Object.values(users).some((u) => u.email === user.email))
    throw new CommandRefusedError('CreateUser', 'exists', `Đã có người dùng với email ${user.email}`);
  return [{ type: 'UserCreated', data: { ...user, name: user.name.trim(), agency: user.role === 'agency' ? user.agency : undefined } }];
}

export function decideDisableUser(actor: Actor, userId: string, users: Users, at: string): UserEvent[] {
  if (actor.role !== 'admin') throw new ActorForbiddenError('DisableUser', 'Chỉ quản trị viên mới được khóa tài khoản người dùng');
  const user = userById(users, userId);
  if (!user) throw new NotFoundError(`Người dùng ${userId}`);
  if (user.disabled) return [];
  return [{ type: 'UserDisabled', data: { userId, at } }];
}

export function decideSignOut(userId: string, users: Users, at: string): UserEvent[] {
  return userById(users, userId) ? [{ type: 'UserSignedOut', data: { userId, at } }] : [];
}
