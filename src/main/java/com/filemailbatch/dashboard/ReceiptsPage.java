package com.filemailbatch.dashboard;

import com.filemailbatch.report.ReceiptVerifier;
import com.filemailbatch.settings.BatchSettings;
import java.nio.file.Path;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /receipts}: the whole receipt chain checked now, as {@code verify-receipts} checks it. */
@Controller
class ReceiptsPage {

    private final ReceiptVerifier receipts;
    private final Path reportsDir;

    ReceiptsPage(ReceiptVerifier receipts, BatchSettings settings) {
        this.receipts = receipts;
        this.reportsDir = Path.of(settings.reportsDir());
    }

    @GetMapping("/receipts")
    String receipts(Model model) {
        model.addAttribute("check", receipts.verify(reportsDir));
        model.addAttribute("directory", reportsDir.toAbsolutePath().normalize().toString());
        return "dashboard/receipts";
    }
}
