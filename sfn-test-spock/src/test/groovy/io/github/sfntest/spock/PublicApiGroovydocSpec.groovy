package io.github.sfntest.spock

import org.codehaus.groovy.ast.AnnotatedNode
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.InnerClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.Phases
import spock.lang.Specification

import java.nio.file.Files
import java.lang.reflect.Modifier
import java.nio.file.Path
import java.util.stream.Collectors

/**
 * The Groovy counterpart of javadoc's doclint "missing" check, which the Java modules' builds run
 * and Groovydoc has no equivalent of: every public class, constructor, method and property of this
 * module's main sources carries a Groovydoc comment. Overrides inherit theirs.
 */
class PublicApiGroovydocSpec extends Specification {

  static final Path SOURCES = Path.of('src/main/groovy')

  def 'every public declaration of the Spock module has a Groovydoc comment'() {
    given:
    List<ClassNode> classes = parse(sources())

    expect: 'the sources were found and parsed'
    classes*.nameWithoutPackage.containsAll(['StateMachineTest', 'SfnGroovyMethods', 'StateMachineTestConfiguration'])

    and:
    undocumented(classes) == []
  }

  def 'an undocumented public method is reported, with its class and line'() {
    given:
    Path dir = Files.createTempDirectory('groovydoc-check')
    Path file = dir.resolve('Sample.groovy')
    Files.writeString(file, '''\
      /** A documented class. */
      class Sample {
        /** Documented. */
        void documented() {}

        void bare() {}

        private void hidden() {}

        @Override
        String toString() { 'sample' }
      }
      '''.stripIndent())

    expect:
    undocumented(parse([file])) == ['Sample.bare (line 6)']

    cleanup:
    Files.deleteIfExists(file)
    Files.deleteIfExists(dir)
  }

  private static List<Path> sources() {
    Files.walk(SOURCES).withCloseable { stream ->
      stream.filter { Path p -> p.toString().endsWith('.groovy') && !p.fileName.toString().startsWith('package-info') }
          .collect(Collectors.toList())
    }
  }

  private static List<ClassNode> parse(List<Path> files) {
    CompilerConfiguration config = new CompilerConfiguration()
    config.optimizationOptions.put(CompilerConfiguration.GROOVYDOC, true)
    CompilationUnit unit = new CompilationUnit(config)
    files.each { unit.addSource(it.toFile()) }
    unit.compile(Phases.CONVERSION)
    unit.AST.modules.collectMany { it.classes }
  }

  private static List<String> undocumented(List<ClassNode> classes) {
    List<String> missing = []
    classes.findAll { Modifier.isPublic(it.modifiers) && !(it instanceof InnerClassNode && it.anonymous) }.each { ClassNode c ->
      String name = c.nameWithoutPackage
      if (!documented(c)) {
        missing << "${name} (line ${c.lineNumber})".toString()
      }
      List<MethodNode> members = c.declaredConstructors + c.methods
      members.findAll { it.public && it.lineNumber > 0 && !overrides(it) }.each { MethodNode m ->
        if (!documented(m)) {
          missing << "${name}.${m.name} (line ${m.lineNumber})".toString()
        }
      }
      c.properties.findAll { it.lineNumber > 0 }.each { prop ->
        if (!documented(prop) && !documented(prop.field)) {
          missing << "${name}.${prop.name} (line ${prop.lineNumber})".toString()
        }
      }
    }
    missing
  }

  private static boolean documented(AnnotatedNode node) {
    node.groovydoc.present && !node.groovydoc.content.trim().isEmpty()
  }

  private static boolean overrides(MethodNode method) {
    method.annotations.any { it.classNode.name in ['Override', 'java.lang.Override'] }
  }
}
