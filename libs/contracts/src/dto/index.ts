export * from './fix.dto';
export * from './read.dto';
export * from './weighing.dto';
export * from './status.dto';
export * from './validate-element';
