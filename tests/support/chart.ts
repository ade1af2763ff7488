export * from '../../tools/chart.ts';
