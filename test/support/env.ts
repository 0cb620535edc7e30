// Every test runs offline: Google's client must never probe the GCE metadata server.
process.env.METADATA_SERVER_DETECTION = 'none';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
