// Every test runs with the test configuration (config/test.json).
process.env.NODE_ENV = 'test'
