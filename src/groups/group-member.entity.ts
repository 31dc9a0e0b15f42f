import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service user's place in an activity group; seat 1..6 is unique per group, so the database caps the size. */
@Entity('group_members')
export class GroupMember {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'service_user_id', type: 'uuid' }) serviceUserId!: string;
  @Column({ type: 'smallint' }) seat!: number;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
