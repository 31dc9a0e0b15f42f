import { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/api-error';
import { ActivityGroup } from './activity-group.entity';

/**
 * Locks a group's row (FOR UPDATE) for the rest of the transaction. Every change to a group's members or
 * contact seats takes this lock first, so parallel requests count seats one after another; another
 * municipality's group is 404 like a missing one.
 */
export async function lockGroup(
  em: EntityManager,
  municipalityId: string,
  groupId: string,
): Promise<ActivityGroup> {
  const group = await em
    .getRepository(ActivityGroup)
    .createQueryBuilder('g')
    .setLock('pessimistic_write')
    .where('g.id = :groupId AND g.municipality_id = :municipalityId', { groupId, municipalityId })
    .getOne();
  if (!group) throw notFound('Activity group');
  return group;
}
