// The ids live beside the server code that needs them (the demo sign-in); the seed and tools read them here.
export { DEMO_CONTACT_ID, DEMO_MUNICIPALITY_ID, DEMO_MUNICIPALITY_NAME } from '../../src/demo/demo-ids';
