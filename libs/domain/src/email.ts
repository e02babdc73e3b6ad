const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What counts as an email address wherever one is entered (users, agency contacts). */
export const isEmailAddress = (value: string): boolean => EMAIL.test(value);
