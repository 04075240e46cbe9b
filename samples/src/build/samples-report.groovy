// Prints what the samples' test runs did, one line per sample and engine, with Maven's -q too:
// the README's main job otherwise prints nothing for a minute. Run by gmavenplus after the tests
// (samples/pom.xml); reads the Surefire XML reports this build wrote (older ones are ignored).
import javax.xml.parsers.DocumentBuilderFactory

def target = new File(project.build.directory)
def since = session.request.startTime.time
def runs = [
    'surefire-reports'           : 'in-process engine',
    'surefire-reports-sdk-engine': 'sdk engine (AWS SDK v2 over HTTP)',
]
def factory = DocumentBuilderFactory.newInstance()
def lines = []
runs.each { dir, engine ->
  def reports = (new File(target, dir).listFiles() ?: []).findAll {
    it.name.startsWith('TEST-') && it.name.endsWith('.xml') && it.lastModified() >= since - 1000
  }
  if (!reports) return
  def bySample = new TreeMap<String, int[]>()   // sample -> passed, failed, skipped
  reports.each { f ->
    def suite = factory.newDocumentBuilder().parse(f).documentElement
    def name = suite.getAttribute('name')
    def sample = name.startsWith('io.github.sfntest.samples.') ? name.split('\\.')[4] : name.tokenize('.')[-2]
    int tests = suite.getAttribute('tests') as int
    int failed = (suite.getAttribute('failures') as int) + (suite.getAttribute('errors') as int)
    int skipped = suite.getAttribute('skipped') as int
    def c = bySample.computeIfAbsent(sample) { new int[3] }
    c[0] += tests - failed - skipped; c[1] += failed; c[2] += skipped
  }
  def total = new int[3]
  lines << "Samples on the ${engine}:"
  bySample.each { sample, c ->
    lines << String.format('  %-18s %4d passed, %d failed, %d skipped', sample, c[0], c[1], c[2])
    (0..2).each { total[it] += c[it] }
  }
  lines << String.format('  %-18s %4d passed, %d failed, %d skipped', 'all', total[0], total[1], total[2])
}
if (lines) {
  println lines.join(System.lineSeparator())
}
