/** fast-check generators of small weighted bipartite graphs (parallel edges and zero capacities included on purpose). */
import fc from 'fast-check';
import { BipartiteGraph, graphFromEdges } from '../bipartite-graph';

export interface GraphShape {
  maxUsers: number;
  maxContacts: number;
  maxEdges: number;
  maxCapacity: number;
  minScore?: number;
  maxScore?: number;
}

export function arbitraryGraph(shape: GraphShape): fc.Arbitrary<BipartiteGraph> {
  return fc
    .record({
      users: fc.integer({ min: 1, max: shape.maxUsers }),
      contacts: fc.integer({ min: 1, max: shape.maxContacts }),
    })
    .chain(({ users, contacts }) =>
      fc.record({
        users: fc.constant(users),
        contacts: fc.constant(contacts),
        capacity: fc.array(fc.integer({ min: 0, max: shape.maxCapacity }), {
          minLength: contacts,
          maxLength: contacts,
        }),
        edges: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: users - 1 }),
            fc.integer({ min: 0, max: contacts - 1 }),
            fc.integer({ min: shape.minScore ?? 0, max: shape.maxScore ?? 100 }),
          ),
          { maxLength: shape.maxEdges },
        ),
      }),
    )
    .map(({ users, contacts, capacity, edges }) =>
      graphFromEdges(
        users,
        contacts,
        Int32Array.from(capacity),
        edges.map((t) => t[0]),
        edges.map((t) => t[1]),
        edges.map((t) => t[2]),
      ),
    );
}
