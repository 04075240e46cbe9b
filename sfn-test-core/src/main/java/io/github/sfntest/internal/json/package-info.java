/** Jackson set up once for the project: parsing, writing and node factories. */
package io.github.sfntest.internal.json;
