// The benchmark's schema, data and queries, shared by the graphql-js side (in-process and HTTP).
// The C# benchmark builds the same data with the same formulas.
import { buildSchema } from 'graphql';

export const sdl = `
type Query { items: [Item!]! users: [User!]! }
type Item { id: ID! name: String! price: Float! count: Int! active: Boolean! tag: String! a: String! b: String! c: Int! d: Float! }
type User { id: ID! name: String! todos: [Todo!]! }
type Todo { id: ID! title: String! ownerId: ID! owner: User }
`;

export const flatQuery = '{ items { id name price count active tag a b c d } }';
export const nestedQuery = '{ users { id name todos { id title owner { id name } } } }';

export const items = Array.from({ length: 1000 }, (_, i) => ({
  id: String(i), name: `item ${i}`, price: i * 1.5, count: i, active: i % 2 === 0, tag: `t${i % 7}`,
  a: `a${i}`, b: `b${i}`, c: i * 3, d: i / 4,
}));
export const users = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, name: `user ${i}` }));
export const todos = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, title: `todo ${i}`, ownerId: `u${i % 100}` }));

// A minimal DataLoader: keys queued in one tick are loaded as one batch (what npm dataloader does).
export class Loader {
  constructor(batch) { this.batch = batch; this.cache = new Map(); this.queue = null; }
  load(key) {
    if (this.cache.has(key)) return this.cache.get(key);
    if (!this.queue) {
      this.queue = [];
      process.nextTick(() => {
        const queue = this.queue; this.queue = null;
        Promise.resolve(this.batch(queue.map((q) => q.key))).then((values) => queue.forEach((q, i) => q.resolve(values[i])));
      });
    }
    const promise = new Promise((resolve) => this.queue.push({ key, resolve }));
    this.cache.set(key, promise);
    return promise;
  }
}

export function contextValue() {
  const usersById = new Map(users.map((u) => [u.id, u]));
  return {
    todosByUser: new Loader(async (ids) => ids.map((id) => todos.filter((t) => t.ownerId === id))),
    userById: new Loader(async (ids) => ids.map((id) => usersById.get(id) ?? null)),
  };
}

export const schema = buildSchema(sdl);
export const rootValue = { items: () => items, users: () => users };
const userType = schema.getType('User');
userType.getFields().todos.resolve = (user, _args, ctx) => ctx.todosByUser.load(user.id);
schema.getType('Todo').getFields().owner.resolve = (todo, _args, ctx) => ctx.userById.load(todo.ownerId);
