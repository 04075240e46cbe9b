// The same project as pom.xml, for Gradle (Kotlin DSL). CI cannot run it: no Gradle that reads the
// Kotlin DSL is available from the package registries CI reaches. GettingStartedGradleTest (samples
// module) keeps its BOM, version and dependencies equal to pom.xml's; run it by hand with Gradle 8+.
plugins {
    java
    groovy   // compiles src/test/groovy (Spock specifications)
}

repositories {
    mavenLocal()   // only for a snapshot of sfn-test built from its repository (mvn install)
    mavenCentral()
}

java {
    toolchain { languageVersion = JavaLanguageVersion.of(17) }
}

// [gradle-dependencies]
val sfnTestVersion = "0.1.0-SNAPSHOT"

dependencies {
    // sfn-test with the JUnit, Spock and Groovy versions it is tested with
    testImplementation(platform("io.github.sfntest:sfn-test-bom:$sfnTestVersion"))

    testImplementation("io.github.sfntest:sfn-test-junit")
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")

    testImplementation("io.github.sfntest:sfn-test-spock")
    testImplementation("org.spockframework:spock-core")
}

tasks.test {
    useJUnitPlatform()   // runs the JUnit tests and the Spock specifications
}
// [/gradle-dependencies]
