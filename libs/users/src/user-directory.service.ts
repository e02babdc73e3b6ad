import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { evolveUsers, normalizeEmail, User, userById, UserEvent, Users } from '@tdnv/domain';
import { NotifyingEventStore } from '@tdnv/event-store';

export const USER_DIRECTORY_STREAM = 'user-directory';

/** A user's id follows from the email, so creating the same user twice is caught by the directory. */
export const userIdFor = (email: string): string => `u-${createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 16)}`;
const MAX_AGE_MS = 2000;

/**
 * The users, folded from the `user-directory` stream. The auth guard asks on every request, so the
 * fold is cached: refreshed after a local append at once, and every two seconds for edits made by
 * another API instance (the longest a sign-out elsewhere takes to reach this one).
 */
@Injectable()
export class UserDirectory {
  private cache?: { users: Users; revision: number; at: number };

  constructor(@Inject(NotifyingEventStore) private readonly store: NotifyingEventStore) {
    store.onAppendedImmediately((results) => {
      if (results.some((r) => r.stream === USER_DIRECTORY_STREAM)) this.cache = undefined;
    });
  }

  async users(): Promise<{ users: Users; revision: number }> {
    return this.fresh() ?? this.load();
  }

  /**
   * The users if the cached fold is still fresh (the same rule as users()), else undefined: the
   * request path asks this first and awaits users() only when it must read the stream.
   */
  fresh(): { users: Users; revision: number } | undefined {
    const cache = this.cache;
    return cache && Date.now() - cache.at < MAX_AGE_MS ? cache : undefined;
  }

  private async load(): Promise<{ users: Users; revision: number }> {
    const { events, revision } = await this.store.readStream(USER_DIRECTORY_STREAM);
    const users = events.reduce<Users>((s, e) => evolveUsers(s, e as unknown as UserEvent), {});
    this.cache = { users, revision, at: Date.now() };
    return this.cache;
  }

  async byEmail(email: string): Promise<User | undefined> {
    return Object.values((await this.users()).users).find((u) => u.email === email);
  }

  /** A person's name as a history shows it; undefined for an id that names no user (a development token, the scheduler). */
  async nameOf(userId: string): Promise<string | undefined> {
    return userById((await this.users()).users, userId)?.name;
  }

  /** nameOf from a fresh cache; null when the stream must be read first (then ask nameOf). */
  freshNameOf(userId: string): string | undefined | null {
    const cache = this.fresh();
    return cache ? userById(cache.users, userId)?.name : null;
  }
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  agency?: string;
  disabled: boolean;
}

export function publicUser(user: User): PublicUser {
  return { id: user.userId, email: user.email, name: user.name, role: user.role, agency: user.agency, disabled: user.disabled };
}
