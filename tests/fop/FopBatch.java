// FopBatch.java — renders one FO file N times in one JVM with Apache FOP and
// prints the median milliseconds per document: FOP's warm-batch figure for
// make bench-fop.  Usage: java FopBatch fop.xconf in.fo N out.pdf
import java.io.*;
import java.util.*;
import javax.xml.transform.*;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.*;

public class FopBatch {
    public static void main(String[] a) throws Exception {
        FopFactory ff = FopFactory.newInstance(new File(a[0]));
        int n = Integer.parseInt(a[2]);
        TransformerFactory tf = TransformerFactory.newInstance();
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(a[3]))) {
                Fop fop = ff.newFop(MimeConstants.MIME_PDF, out);
                Transformer t = tf.newTransformer();
                t.transform(new StreamSource(new File(a[1])), new SAXResult(fop.getDefaultHandler()));
            }
            ms[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(ms);
        System.out.printf("%.1f%n", ms[n / 2] / 1000.0);
    }
}
